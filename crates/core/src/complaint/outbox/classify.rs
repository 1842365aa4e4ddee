//! What the answer to a POST means for the complaint: delivered, to be retried, or refused —
//! and the refusal said in words the citizen can act on ([`refusal_words`]).

use crate::complaint::open311::{parse_post_response, RemoteError, ResponseError, Submitted};
use crate::problem::Lang;

/// Why an attempt failed, which decides whether it is retried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// It may pass: no network, a timeout, 408, 429, 5xx, or a 2xx answer that cannot be read
    /// (the receiver may have stored the request; resending it with the same client request id
    /// is safe, and the next answer may be readable). Retried after [`retry_delay_ms`].
    Retryable(String),
    /// The endpoint refused the request (4xx, an Open311 error array): it would refuse it again.
    /// `status` is the HTTP status, or the error array's own code when it came with a 2xx; the
    /// message is what the endpoint said (its error descriptions), else the status.
    Rejected { status: u16, message: String },
}

impl Failure {
    pub fn message(&self) -> &str {
        match self {
            Failure::Retryable(m) | Failure::Rejected { message: m, .. } => m,
        }
    }

    pub fn is_retryable(&self) -> bool {
        matches!(self, Failure::Retryable(_))
    }
}

/// Maps the answer to `POST requests.json` to a success or a [`Failure`]: a 2xx with a readable
/// answer ([`parse_post_response`]) is a success; a 2xx that cannot be read, 408, 429, 5xx and
/// anything else without a usable answer (status 0 for a network error, 1xx, 3xx) are retryable;
/// other 4xx are rejections. A 2xx carrying an error array (some servers answer so) is rejected
/// unless the error's own code says to retry. The message is the endpoint's error descriptions
/// when it sent some, else the status.
pub fn classify_http(status: u16, body: &str) -> Result<Submitted, Failure> {
    let (submitted, errors) = match parse_post_response(body) {
        Ok(submitted) => (Some(submitted), Vec::new()),
        Err(ResponseError::Rejected(errors)) => (None, errors),
        Err(ResponseError::Malformed(why)) if (200..=299).contains(&status) => {
            return Err(Failure::Retryable(format!(
                "HTTP {status}, but the answer could not be read: {why}"
            )));
        }
        Err(ResponseError::Malformed(_)) => (None, Vec::new()),
    };
    let message = describe(status, &errors);
    // An error array with a 2xx: its own code, if any, is the status that counts.
    let own_code = errors
        .iter()
        .find_map(|e| e.code.as_deref()?.trim().parse::<u16>().ok());
    let (status, retryable) = match status {
        200..=299 => match submitted {
            Some(submitted) => return Ok(submitted),
            None => (
                own_code.unwrap_or(status),
                own_code.is_some_and(retryable_status),
            ),
        },
        400..=499 => (status, retryable_status(status)),
        _ => (status, true),
    };
    Err(if retryable {
        Failure::Retryable(message)
    } else {
        Failure::Rejected { status, message }
    })
}

/// Statuses that say "not now" rather than "not this": timeout, too many requests, server errors,
/// and no status at all (a network error).
fn retryable_status(status: u16) -> bool {
    matches!(status, 0 | 408 | 429 | 500..=599)
}

fn describe(status: u16, errors: &[RemoteError]) -> String {
    let said: Vec<&str> = errors
        .iter()
        .map(|e| e.description.trim())
        .filter(|d| !d.is_empty())
        .collect();
    match (said.is_empty(), status) {
        (false, _) => said.join("; "),
        (true, 0) => "no answer from the endpoint".to_string(),
        (true, _) => format!("HTTP {status}"),
    }
}

/// Why the receiver refused a complaint, in words that say whose fault it is and what to do:
/// a refused key (401, 403) or an unknown service (404) is the deployment's set-up, and the
/// letter is the way meanwhile; a 400 is the complaint as sent, to correct. `said` is what the
/// receiver said (empty when nothing).
pub fn refusal_words(status: Option<u16>, said: &str, lang: Lang) -> String {
    let said = said.trim();
    let said = if said.is_empty() || said.starts_with("HTTP ") {
        msg!(lang, "refused-nothing-said")
    } else {
        said.to_string()
    };
    match status {
        Some(s @ (401 | 403)) => msg!(lang, "refused-key", { "status" => s, "said" => said }),
        Some(404) => msg!(lang, "refused-not-found", { "said" => said }),
        Some(s @ (400 | 409 | 413 | 415 | 422)) => {
            msg!(lang, "refused-invalid", { "status" => s, "said" => said })
        }
        Some(s) => msg!(lang, "refused-other", { "status" => s, "said" => said }),
        None => msg!(lang, "refused-other", { "status" => "?", "said" => said }),
    }
}
