// The boot script: runs before the first paint, before any of the site's code has arrived, in
// any browser that runs JavaScript at all (so it is written in ES5). `cundi-data csp` writes it
// inline into index.html, allowed by its hash, and removes this file from the built site
// (docs/FIRST-VISIT.md). It
// 1. marks which page this is (`data-page`: the map, or another), so that the right frame shows;
// 2. shows the frame in the language chosen before (the texts in `data-en…` attributes), and the
//    notice that the data is illustrative in one line once it has been read (`data-notice`);
// 3. tells whether this browser can run the site's WebAssembly (`data-code`): `starting` where it
//    can; `unsupported` (the fallback: what to do, where to complain, the data files) where it
//    cannot; `stalled` when the code has not started within the configured time, or could not be
//    downloaded, with a Retry (the loader, scripts/wasm, marks `failed` downloads and
//    `unsupported` modules too; the site marks `running` when it has taken over, src/boot.rs);
// 4. on the map, asks at once for the map's code and runs Leaflet, which the site loads only there.
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;

  var page = 'page';
  try {
    if (location.href.split(/[?#]/)[0] === doc.baseURI.split(/[?#]/)[0]) page = 'map';
  } catch (e) {
    // A browser without baseURI cannot run the site either (step 3 says so).
  }
  root.setAttribute('data-page', page);

  var lang = null;
  try {
    lang = window.localStorage.getItem('cundi-lang');
    // The notice that the data is illustrative, read on an earlier visit: one line (src/lib.rs).
    if (window.localStorage.getItem('cundi-notice') === 'read') root.setAttribute('data-notice', 'read');
  } catch (e) {
    // Storage refused: the default language, and the notice whole.
  }
  if (lang === 'en') {
    root.setAttribute('lang', 'en');
    var swap = doc.querySelectorAll('[data-en],[data-en-placeholder],[data-en-aria-label],[data-en-lang]');
    for (var i = 0; i < swap.length; i++) {
      var el = swap[i];
      if (el.hasAttribute('data-en')) {
        // The Chinese is kept: the site's notice starts from the frame's (src/boot.rs).
        el.setAttribute('data-zh', el.textContent);
        el.textContent = el.getAttribute('data-en');
      }
      var attrs = ['placeholder', 'aria-label', 'lang'];
      for (var j = 0; j < attrs.length; j++) {
        var value = el.getAttribute('data-en-' + attrs[j]);
        if (value !== null) el.setAttribute(attrs[j], value);
      }
    }
  }

  // The WebAssembly features the site's code is built with (Rust's wasm32 target, wasm-opt in
  // scripts/wasm), each as the smallest module that uses it: reference types, bulk memory,
  // multi-value, non-trapping float-to-int and sign extension.
  var HEAD = [0, 97, 115, 109, 1, 0, 0, 0];
  var FEATURES = [
    [1, 5, 1, 96, 0, 1, 111, 3, 2, 1, 0, 10, 6, 1, 4, 0, 208, 111, 11],
    [1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 13, 1, 11, 0, 65, 0, 65, 0, 65, 0, 252, 11, 0, 11],
    [1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 65, 0, 11],
    [1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 11, 1, 9, 0, 67, 0, 0, 0, 0, 252, 0, 11],
    [1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 7, 1, 5, 0, 65, 0, 192, 11]
  ];
  var able = false;
  try {
    able = typeof WebAssembly === 'object' && typeof Promise === 'function' &&
      typeof fetch === 'function' && 'noModule' in doc.createElement('script');
    for (var f = 0; able && f < FEATURES.length; f++) {
      able = WebAssembly.validate(new Uint8Array(HEAD.concat(FEATURES[f])));
    }
  } catch (e) {
    able = false;
  }
  root.setAttribute('data-code', able ? 'starting' : 'unsupported');
  if (!able) return;

  function stalled() {
    if (root.getAttribute('data-code') === 'starting') root.setAttribute('data-code', 'stalled');
  }
  var timeout = Number(root.getAttribute('data-timeout')) || 30000;
  window.setTimeout(stalled, timeout);
  // A script of the site's that could not be downloaded (the loader, the glue, the chunk loader).
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target.tagName === 'SCRIPT') root.setAttribute('data-code', 'stalled');
  }, true);
  var retry = doc.querySelectorAll('.stalled button');
  for (var r = 0; r < retry.length; r++) {
    retry[r].addEventListener('click', function () {
      location.reload();
    });
  }

  function marker(el, attribute) {
    return function () {
      el.setAttribute(attribute, '');
    };
  }
  if (page === 'map') {
    var wanted = (root.getAttribute('data-map-files') || '').split(' ');
    for (var w = 0; w < wanted.length; w++) {
      if (!wanted[w]) continue;
      if (/\.js$/.test(wanted[w])) {
        // Leaflet runs as soon as it arrives, beside the site's own code, rather than after it
        // (src/map/script.rs finds it loaded, or on its way).
        var script = doc.createElement('script');
        script.src = wanted[w];
        script.async = true;
        script.onload = marker(script, 'data-loaded');
        script.onerror = marker(script, 'data-failed');
        doc.head.appendChild(script);
        continue;
      }
      var link = doc.createElement('link');
      var css = /\.css$/.test(wanted[w]);
      link.rel = css ? 'stylesheet' : 'preload';
      link.href = wanted[w];
      if (!css) {
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
      }
      doc.head.appendChild(link);
    }
  }
}());
