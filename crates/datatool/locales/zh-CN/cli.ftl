# cundi-data 对发布者说的话（crates/datatool/src/）。

note = 说明：{ $note }
note-sheet = { $file }：读自 { $name } 的工作表 { $sheet }（问题所在行即工作表的行号）
note-encoding = { $file }：按 { $encoding } 编码读取

line-error = 错误：{ $message }
line-warning = 警告：{ $message }
line-warning-in = 警告：{ $dir }：{ $message }
rows-left-out = 警告：{ $dir }：有错误的行不参与比较，因此会显示为删除或新增

summary-absent = { $file }：无此文件
summary-unread = { $file }：未能读取（见上文错误）
summary-rows = { $file }：读取 { $read } 行，有效 { $kept } 行，因错误略去 { $left } 行
summary-outlines = boundaries：{ $n } 个县级边界
summary-total = { $dir }：{ $errors } 个错误，{ $warnings } 个警告

convert-wrote = cundi-data：已写出 { $out }：区划 { $divisions } 条、网点 { $stations } 个、村 { $villages } 个（WGS-84，UTF-8）；错误 { $errors } 个（相应行未写出），警告 { $warnings } 个

build-has-errors = cundi-data：{ $dir } 有错误，未生成数据包（加 --allow-errors 可强制生成）
build-built = cundi-data：已由 { $dir } 生成 { $out }：{ $counties } 个县，{ $stations } 个站点，{ $villages } 个村，{ $files } 个数据包文件；{ $errors } 个错误，{ $warnings } 个警告
build-changes = cundi-data：changes.json（相对 { $old }）：站点 { $stations }；村 { $villages }

error-io = { $path }：{ $what }（{ $cause }）
io-not-found = 找不到该文件或文件夹
io-permission-denied = 没有访问权限
io-already-exists = 已存在
io-not-a-directory = 不是文件夹
io-is-a-directory = 是文件夹，不是文件
io-storage-full = 磁盘空间不足
io-other = 无法读取或写入
error-csv = { $path }：无法写出 CSV（{ $cause }）
error-not-a-package = { $path }：不是文件夹（数据包是一个包含 datapackage.json 和 CSV 文件的文件夹）
error-cannot-compare = { $dir }：{ $problem }；缺少它无法比较两个版本
error-output-not-directory = { $path }：已存在，且不是文件夹
error-output-not-bundle = { $path }：已存在，但不是构建好的数据（缺少 summary.json）；构建会替换整个文件夹，请选择一个空的或新的文件夹
error-output-nameless = { $path }：不是文件夹名
