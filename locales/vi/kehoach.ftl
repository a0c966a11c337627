## The words of the workbook (eval --format xlsx) and of the HTML reports.

# Sheets of the workbook.
w-sheet-results = Kết quả
w-sheet-summary = Tổng hợp
w-sheet-exempt = Miễn xếp loại
w-sheet-errors = Lỗi dữ liệu
# Column heads.
w-id = Mã
w-subject = Đối tượng
w-unit = Đơn vị
w-score = Điểm
w-tier = Xếp loại
w-abbr = Viết tắt
w-status = Trạng thái
w-reasons = Căn cứ xếp loại / lỗi
w-why-exempt = Lý do miễn xếp loại
w-total = Tổng số
w-classified = Được xếp loại
w-count = Số lượng
w-share = Tỷ lệ
w-exempt = Miễn xếp loại
w-errors = Lỗi
w-file = Tệp
w-place = Vị trí
w-column = Cột
w-problem = Vấn đề
# Statuses.
w-status-classified = Đã xếp loại
w-status-exempt = Miễn xếp loại
w-status-error = Lỗi
# Rows and places.
w-subtotal = Cộng
w-grand-total = Tổng cộng
w-no-unit = (không chia theo đơn vị)
w-no-subject = (không rõ đối tượng)
w-line = dòng
w-row = hàng
w-record = bản ghi
w-whole-file = (cả tệp)
w-exact = Giá trị chính xác
# The report.
w-party = ĐẢNG CỘNG SẢN VIỆT NAM
w-reporter = ĐẢNG ỦY ……………………
w-doc-number = Số ……-BC/……
w-name = Tên
w-count-short = SL
w-dated = ……, ngày …… tháng …… năm ……
w-report-kind = BÁO CÁO
w-report-title = Kết quả kiểm điểm, đánh giá, xếp loại chất lượng năm
w-carrying-out = Thực hiện Kế hoạch số
w-of-date = ngày
w-of-issuer = của
w-about = về
w-plan-head = Kế hoạch
w-number = Số
w-issued = Ngày ban hành
w-issuer = Cơ quan ban hành
w-basis = Căn cứ
w-supersedes = Thay thế
w-year = Năm đánh giá
w-records-read = Số bản ghi
w-part-summary = I. Tổng hợp chung
w-part-chart = Tỷ lệ các mức xếp loại theo đơn vị
w-chart-note = Tỷ lệ trên số được xếp loại của từng đơn vị, từng đối tượng.
w-part-units = II. Kết quả theo đơn vị
w-part-problems = III. Vấn đề dữ liệu
w-not-by-unit = Đối tượng không chia theo đơn vị
w-quota-use = Sử dụng hạn mức
w-allowed = được phép
w-quota-of = hạn mức
w-moved = Chuyển mức do hạn mức
w-moved-from = Mức trước
w-moved-to = Mức sau
w-rank = Thứ tự
w-exempt-list = Danh sách miễn xếp loại
w-error-list = Danh sách bản ghi lỗi
w-file-problems = Lỗi của cả tệp
w-warnings = Cảnh báo
w-none = Không có.
w-recipients = Nơi nhận:
w-archive = Lưu văn phòng.
w-author = NGƯỜI LẬP
w-sign = (Ký, ghi rõ họ tên)
w-made-by = Lập bằng kehoach
# The diff memo.
w-diff-title = So sánh kế hoạch
w-diff-with = với kế hoạch được thay thế
w-old-plan = Kế hoạch cũ
w-new-plan = Kế hoạch mới
w-changes = Các thay đổi
w-change-count = Số thay đổi
w-same = Hai kế hoạch giống nhau.
w-item = Mục
w-change = Thay đổi
w-old = Cũ
w-new = Mới
w-direction = Chiều thay đổi
w-added = thêm
w-removed = bỏ
w-changed = sửa
w-impact = Tác động trên dữ liệu
w-moved-count = Số bản ghi đổi mức
w-matrix = Ma trận chuyển mức (hàng: mức cũ, cột: mức mới)
w-who-moves = Bản ghi đổi mức

## Shared.
year-line = Năm đánh giá { $year }
weekday-mon = Thứ Hai
weekday-tue = Thứ Ba
weekday-wed = Thứ Tư
weekday-thu = Thứ Năm
weekday-fri = Thứ Sáu
weekday-sat = Thứ Bảy
weekday-sun = Chủ nhật

## eval: the table.
table-id = Mã
table-subject = Đối tượng
table-score = Điểm
table-tier = Xếp loại
table-why = Căn cứ
table-exempt = (miễn xếp loại)
table-error = (lỗi)
table-summary = { $total } bản ghi: { $classified } được xếp loại, { $exempt } miễn xếp loại, { $errors } lỗi
table-by-group = Theo đối tượng và nhóm

## Reasons, for people (JSON keeps the codes and the rule lines).
reason-rule = đạt điều kiện mức «{ $tier }»
reason-exempt = miễn xếp loại
reason-exempt-because = miễn xếp loại: { $because }
reason-otherwise = không quy tắc nào thỏa mãn: mức «{ $tier }»
reason-cap = giới hạn ở mức «{ $tier }»
reason-cap-because = giới hạn ở mức «{ $tier }»: { $because }
reason-cap-at = giới hạn theo mức của `{ $field }`
reason-cap-at-record = giới hạn ở mức «{ $tier }» của `{ $id }`
reason-hook-note = bổ sung `{ $hook }`: { $text }
reason-hook-score = bổ sung `{ $hook }`: điểm { $before } → { $after }
reason-hook-tier = bổ sung `{ $hook }`: mức «{ $before }» → «{ $after }»
reason-quota = hạn mức: thứ { $rank }/{ $of } trong nhóm { $group }, được tối đa { $limit }

## explain.
explain-record = Bản ghi `{ $id }` ({ $place })
explain-subject = Đối tượng «{ $label }» (`{ $name }`), năm đánh giá { $year }
explain-item = { $kind ->
    [criterion] Tiêu chí
    [flag] Điều kiện
   *[field] Thông tin
} *{ $label }* (`{ $name }`)
explain-value-missing = (không có)
explain-points = { " " }→ { $points } điểm
explain-score = Điểm = { $score } (chính xác: { $exact })
explain-score-hooked = Điểm sau bổ sung = { $score } (chính xác: { $exact })
explain-holds = thỏa mãn
explain-does-not-hold = không thỏa mãn
explain-missing = không xác định được: thiếu `{ $name }`
explain-undecided = không xác định được ({ $why })
explain-fails = không thỏa mãn: { $part }
explain-otherwise = không quy tắc nào thỏa mãn: mức «{ $tier }»
explain-cap-at-lowers = hạ mức xuống mức của bản ghi đó
explain-cap-at-keeps = mức của bản ghi đó không thấp hơn
explain-cap-lowers = thỏa mãn: hạ mức
explain-cap-keeps = thỏa mãn, nhưng mức đã không cao hơn
explain-true = có
explain-false = không
explain-steps = Các bước:
explain-outcome = Kết quả: { $outcome }
explain-classified = { $tier }, { $score } điểm
explain-exempt = miễn xếp loại
explain-error = lỗi: { $error }
explain-no-record = không có bản ghi nào mã `{ $id }`

## schedule.
schedule-title = { $plan }: thời hạn của năm đánh giá { $year }
schedule-window = { $due }: từ { $first } đến { $last }
schedule-last-day = { $due }: hạn cuối { $last }
schedule-report = báo cáo { $to }
schedule-report-via = báo cáo { $to } qua { $via }
schedule-from = theo { $place }
schedule-done-not-ics = `--done` báo cáo theo đơn vị: dùng `--format table` hoặc `--format json`
done-unit = Đơn vị
done-level = Cấp
done-done = Hoàn thành
done-last-day = Hạn cuối
done-verdict = Đánh giá
done-summary = { $units } đơn vị trong { $file }: { $late } trễ hạn hoặc không xác định được
verdict-on-time = đúng hạn
verdict-early = sớm: trước khi mở đợt (vẫn tính là đã xong)
verdict-late = trễ { $days } ngày
verdict-overdue = chưa xong, quá hạn { $days } ngày
verdict-pending = chưa đến hạn
verdict-invalid = không xác định được (dòng { $line }): { $problem }

## test and fmt.
test-ok = đạt        { $name }  ({ $at })
test-fail = KHÔNG ĐẠT  { $name }  ({ $at })
test-plan-fails-check = KHÔNG ĐẠT  { $plan }: kế hoạch chưa qua kiểm tra
test-summary = { $passed } đạt, { $failed } không đạt
fmt-would-reformat = cần định dạng lại { $file }
fmt-formatted = đã định dạng { $file }
fmt-formatted-side = đã định dạng
fmt-cannot-write = không ghi được `{ $file }`: { $why ->
    [not-found] không có thư mục này
    [denied] không có quyền ghi vào đó
    [full] đĩa đã hết chỗ trống
   *[other] `{ $error }`
}

## Merged from issue 19 (previous tier, review exemptions, tier-field caps)
explain-previous = mức năm trước (previous_tier) = «{ $label }» (`{ $name }`, theo { $file })
explain-previous-none = mức năm trước (previous_tier): không có ({ $file } không có mức của bản ghi này)
explain-cap-field-lowers = hạ mức xuống mức ghi trong trường
explain-cap-field-keeps = mức ghi trong trường không thấp hơn
explain-exempt-review = miễn xếp loại (vẫn phải kiểm điểm)
table-exempt-review = (miễn xếp loại, vẫn kiểm điểm)
reason-exempt-review = { $reason } (vẫn phải kiểm điểm)
reason-cap-at-field = giới hạn ở mức ghi trong `{ $field }`

## diff for people (human and Markdown; the HTML memo's sections and notes)
diff-title = So sánh kế hoạch { $old } → { $new }, năm đánh giá { $year }
diff-same = Hai kế hoạch giống nhau.
diff-count = { $count } thay đổi
diff-section = { $section ->
    [plan] Thông tin chung của kế hoạch
    [scale] Thang điểm
    [tiers] Các mức xếp loại
    [levels] Các cấp
    [hooks] Bổ sung (hook)
   *[other] { $section }
}
diff-item = { $kind ->
    [subject] Đối tượng
    [level] Cấp
    [criterion] Tiêu chí
    [flag] Điều kiện
    [field] Thông tin
    [group] Nhóm tiêu chí
    [grade] Mức điểm
    [hook] Bổ sung (hook)
   *[other] { $kind }
} «{ $label }» (`{ $name }`)
diff-item-unlabelled = { $kind ->
    [subject] Đối tượng
    [level] Cấp
    [criterion] Tiêu chí
    [flag] Điều kiện
    [field] Thông tin
    [group] Nhóm tiêu chí
    [grade] Mức điểm
    [hook] Bổ sung (hook)
   *[other] { $kind }
} `{ $name }`
diff-attr = { $attr ->
    [label] tên gọi
    [weight] trọng số
    [points] điểm
    [group] nhóm
    [locked] khóa
    [type] kiểu
    [total] tổng điểm
    [alias] viết tắt
    [value] giá trị
    [due] thời hạn
    [report] báo cáo
    [extends] kế thừa
    [level] cấp
    [lock_rules] khóa quy tắc
    [lock_exempt] khóa miễn xếp loại
    [lock_caps] khóa giới hạn mức
    [exempt] các trường hợp miễn xếp loại
    [rules] quy tắc xếp loại
    [caps] giới hạn mức
    [quotas] hạn mức
    [drops] bỏ khoản mục (drop)
    [order] thứ tự
    [name] tên
   *[other] `{ $attr }`
}
diff-header = { $key ->
    [id] Số hiệu
    [title] Trích yếu
    [issuer] Cơ quan ban hành
    [issued] Ngày ban hành
    [supersedes] Thay thế kế hoạch
    [effective] Hiệu lực
    [basis] Căn cứ
    [extends] Kế thừa kế hoạch
    [display] Cột hiển thị
   *[other] `{ $key }`
}
diff-hook-order = thứ tự chạy các bổ sung `{ $stage }`
diff-added = thêm mới
diff-removed = bỏ
diff-changed = sửa đổi
diff-see-below = (xem bên dưới)
diff-yes = có
diff-no = không
diff-dated = { $id } ngày { $date }
diff-note-up = tăng
diff-note-down = giảm
diff-note-deadline-earlier = sớm hơn: hạn cuối { $new } thay vì { $old } (năm { $year })
diff-note-deadline-later = muộn hơn: hạn cuối { $new } thay vì { $old } (năm { $year })
diff-note-deadline-same = hạn cuối vẫn là { $new } (năm { $year })
diff-note-threshold-raised = quy tắc mức «{ $tier }»: ngưỡng điểm nâng từ { $old } lên { $new }
diff-note-threshold-lowered = quy tắc mức «{ $tier }»: ngưỡng điểm hạ từ { $old } xuống { $new }
diff-note-quota-looser = hạn mức «{ $tier }» nới rộng: `{ $old }` → `{ $new }`
diff-note-quota-tighter = hạn mức «{ $tier }» chặt hơn: `{ $old }` → `{ $new }`
diff-note-quota-tighter-beside = hạn mức «{ $tier }» chặt hơn: thêm `{ $new }` bên cạnh `{ $old }`
diff-note-quota-beside = hạn mức «{ $tier }»: thêm `{ $new }` bên cạnh `{ $old }`; hạn mức chặt hơn được áp dụng
diff-note-level-order = thứ tự thay đổi: các cấp được khai báo từ thấp đến cao
diff-note-hook-order = thứ tự thay đổi: các bổ sung `{ $stage }` chạy theo thứ tự khai báo
diff-note-hook-line = khai báo `{ $old }` → `{ $new }`
diff-impact = Tác động trên { $records } bản ghi: { $moved } trường hợp thay đổi
diff-matrix = «{ $subject }» — hàng: mức theo kế hoạch cũ, cột: mức theo kế hoạch mới
diff-moved = Các trường hợp thay đổi:
diff-no-tier = (không xếp loại)
diff-status-exempt = miễn xếp loại
diff-status-error = lỗi dữ liệu
diff-col-id = Mã
diff-col-subject = Đối tượng
diff-col-old = Kế hoạch cũ
diff-col-new = Kế hoạch mới
diff-warn-supersedes-other = `{ $new }` thay thế `{ $named }`, không phải `{ $old }`: đây có đúng là kế hoạch được thay thế?
diff-warn-no-supersedes = `{ $new }` không ghi là thay thế `{ $old }`
due-before = trước ngày { $day }
due-by = chậm nhất ngày { $day }
due-in-month = trong tháng { $month }
due-next-year = { $due } năm sau

## --help of every command and argument (src/cli/help.rs)
help-usage = Cách dùng:
help-commands = Lệnh
help-arguments = Tham số
help-options = Tùy chọn
help-arg-help = In hướng dẫn này
help-arg-version = In phiên bản
help-cmd = Kiểm tra, chạy và so sánh kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng (kehoach)
help-cmd-check = Kiểm tra kế hoạch: cú pháp, kế thừa, kiểu dữ liệu, các quy định bị khóa; báo mọi lỗi một lần. Một thư mục là mọi tệp .kh trong đó (kế hoạch cấp trên trước)
help-cmd-fmt = Viết lại kế hoạch theo bố cục chuẩn (giữ nguyên chú thích)
help-cmd-eval = Xếp loại các bản ghi trong dữ liệu đảng viên, tổ chức đảng
help-cmd-explain = Giải thích từng bước kết quả xếp loại của một bản ghi
help-cmd-report = Báo cáo HTML để in (khổ A4): tổng hợp, biểu đồ, từng đơn vị
help-cmd-test = Chạy các khối `test` của kế hoạch
help-cmd-diff = So sánh hai kế hoạch; với --data, ai sẽ đổi mức xếp loại
help-cmd-schedule = Thời hạn của từng cấp trong một năm; với --done, đơn vị nào trễ hạn
help-cmd-show = In kế hoạch theo cú pháp chuẩn, ghi rõ `# from TỆP:DÒNG`
help-arg-color = Khi nào tô màu: auto (khi in ra màn hình và NO_COLOR chưa đặt), always (luôn luôn), never (không bao giờ)
help-arg-lang = Ngôn ngữ của mọi thông báo: vi (tiếng Việt) hoặc en (tiếng Anh); mặc định theo KEHOACH_LANG, rồi LC_ALL/LC_MESSAGES/LANG, không có thì tiếng Việt
help-arg-plans = Các tệp kế hoạch (.kh) hoặc thư mục chứa chúng
help-arg-plan = Tệp kế hoạch (.kh)
help-check-format = Dạng kết quả: human (cho người đọc) hoặc json (cho chương trình)
help-arg-deny_warnings = Coi cảnh báo là lỗi
help-fmt-check = Không ghi gì; trả mã 1 nếu có tệp cần viết lại
help-arg-data = Dữ liệu: .csv, .json (mảng đối tượng), .jsonl hoặc bảng tính (.xlsx, .xlsm, .xlsb, .xls, .ods; TỆP#TRANG đọc trang đó); tiêu đề cột và nhãn tiếng Việt đều được
help-arg-previous = Kết quả năm trước (tệp do `eval --format json` tạo): mức của mỗi bản ghi năm đó là previous_tier trong điều kiện của kế hoạch
help-arg-year = Năm đánh giá (mặc định: năm nay nếu từ tháng 7, năm trước nếu trước tháng 7)
help-arg-as_of = Ngày months_since tính đến, dạng dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: 31/12 của năm đánh giá)
help-schedule-as_of = Ngày dùng để xét các đơn vị chưa xong, dạng dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay)
help-arg-subject = Đối tượng của các bản ghi không ghi đối tượng (tên trong kế hoạch, ví dụ dang_vien)
help-arg-delimiter = Dấu phân cách của CSV: `,`, `;`, `|` hoặc tab (mặc định: dấu xuất hiện nhiều nhất ở dòng tiêu đề)
help-arg-sheet = Trang cần đọc trong bảng tính không ghi #TRANG (mặc định: trang đầu tiên)
help-arg-jobs = Số luồng đọc và xếp loại một tệp CSV (mặc định: KEHOACH_JOBS, không có thì mỗi lõi một luồng); kết quả như nhau với mọi số luồng
help-eval-format = Dạng kết quả: table (bảng cho người đọc), csv, json, xlsx (bảng tính Excel, cần --out)
help-arg-out = Ghi kết quả vào tệp này (tạo mới hoặc thay thế trọn vẹn) thay vì in ra
help-arg-keep = Các cột dữ liệu chép sang kết quả sau cột mã (ví dụ họ tên, đơn vị), theo tiêu đề trong dữ liệu; thêm vào các cột của dòng display trong kế hoạch
help-arg-id = Mã của bản ghi cần giải thích
help-explain-format = Dạng kết quả: text (cho người đọc) hoặc json
help-arg-old = Kế hoạch cũ (kế hoạch bị thay thế, hoặc kế hoạch cấp trên)
help-arg-new = Kế hoạch mới
help-diff-format = Dạng kết quả: human (cho người đọc), json, markdown (cho công văn), html (tờ trình để in)
help-diff-data = Dữ liệu xếp loại theo cả hai kế hoạch, để biết ai đổi mức
help-schedule-format = Dạng kết quả: table (bảng), json, ics (lịch, mở được bằng ứng dụng lịch)
help-arg-done = CSV các đơn vị với cấp và ngày hoàn thành (cột unit, level, done; ngày dạng dd/mm/yyyy)
help-arg-effective = In kế hoạch có hiệu lực: đã gộp cả chuỗi kế thừa (extends)
cli-not-delimiter = `{ $text }` không phải dấu phân cách kehoach đọc được: dùng `,`, `;`, `|` hoặc `tab`
cli-not-year = `{ $text }` không phải một năm
cli-not-date = `{ $text }` không phải một ngày (dd/mm/yyyy hoặc yyyy-mm-dd)
cli-outside-years = `{ $text }` nằm ngoài các năm kehoach xử lý ({ $first }–{ $last })

## ---------------------------------------------------------------------------
## Diagnostics (issue 20, the `diag` branch): one message id per kind, by its
## code (`diag-CODE`, `diag-CODE-help`); the phrases they are built from
## (`ph-…`); the notes under them (`note-…`); the command line's own words.
## Keep this block together.
## ---------------------------------------------------------------------------
diag-error = lỗi
diag-warning = cảnh báo
diag-help = gợi ý
diag-advice = Ghi chú
diag-here = ở đây
diag-did-you-mean = có phải là `{ $name }`?
# Files and syntax.
diag-read-file = không đọc được `{ $path }`: { $why ->
    [not-found] không có tệp này
    [denied] không có quyền đọc
   *[other] `{ $error }`
}
diag-invalid-utf8 = `{ $path }` không phải văn bản UTF-8
diag-syntax = cần { $expected }, nhưng gặp { $found }
diag-unclosed = `{ $block }` ở dòng { $line } chưa được đóng: thiếu `{ $close }`
diag-unclosed-help = ghi chú bên dưới chỉ chỗ mở
diag-wrong-operator = kế hoạch không dùng `{ $written }`: viết `{ $write }`
diag-wrong-operator-help = điều kiện viết bằng `==`, `!=`, `and`, `or` và `not`
diag-unknown-function = không có hàm `{ $name }`
diag-unknown-function-help = các hàm có: { $functions }
diag-unknown-function-near = có phải là `{ $name }`? Các hàm có: { $functions }
diag-name-not-ascii = tên phải viết không dấu: `{ $ascii }`
diag-name-not-ascii-help = tên chỉ gồm chữ a–z, chữ số và `_`; tiếng Việt có dấu để ở nhãn (trong ngoặc kép)
diag-too-deep = biểu thức lồng nhau quá { $limit } cấp
diag-too-deep-help = tách điều kiện thành các phần đơn giản hơn
diag-invalid-date = `{ $text }` không phải ngày có thật
diag-invalid-date-help = viết ngày dạng `2020-11-06` hoặc `6/11/2020`
diag-invalid-day-month = `{ $text }` không phải ngày và tháng
diag-invalid-day-month-help = viết ngày và tháng dạng `15/12` (ngày trước)
diag-leap-day = ngày `29/02` không có ở mọi năm
diag-leap-day-help = dùng `by 28/02` hoặc `in month 2`
diag-invalid-month = `{ $text }` không phải tháng
diag-chained-comparison = không được so sánh nối tiếp
diag-chained-comparison-help = viết `0 < x and x < 6`
diag-invalid-number = `{ $text }` không phải số dùng được
# Resolution.
diag-extends-missing = không có kế hoạch cấp trên `{ $path }`
diag-extends-missing-help = đường dẫn tính từ thư mục của tệp có `extends`
diag-extends-cycle = các kế hoạch kế thừa nhau thành vòng: { $chain }
diag-extends-too-deep = chuỗi `extends` dài quá { $limit } kế hoạch
diag-redeclared = kế hoạch cấp dưới không được khai báo lại `{ $what }`
diag-redeclared-help = thang đánh giá và các mức xếp loại do kế hoạch cấp trên quy định
diag-duplicate = { $what } `{ $name }` được khai báo hai lần
diag-missing = kế hoạch thiếu { $what }
diag-locked = { $what } `{ $name }` đã bị kế hoạch cấp trên khóa
diag-locked-help = bỏ dòng này; chỉ kế hoạch đã khóa mới được thay đổi
diag-drop-unknown = không bỏ được { $what } `{ $name }`: không có { $what } nào như vậy được kế thừa
diag-drop-unknown-help = `{ $name }` là { $is }: viết `drop { $word } { $name }`
diag-subject-cycle = các đối tượng phụ thuộc nhau thành vòng: { $chain }
diag-level-needs-due = cấp `{ $name }` chưa có thời hạn `due`
diag-level-needs-due-help = thêm thời hạn, ví dụ `due before 15/12`
diag-due-loosened = cấp `{ $name }` nới thời hạn của kế hoạch cấp trên: hạn cuối { $child } sau { $parent } (năm { $year })
diag-due-loosened-help = kế hoạch cấp dưới chỉ được giữ nguyên hoặc rút ngắn thời hạn
diag-due-order = cấp `{ $name }` kết thúc ngày { $day }, trước cấp dưới `{ $prev }` ({ $prev_day }) trong năm { $year }
diag-due-order-help = các cấp khai báo từ thấp lên cao; cấp trên không thể xong sớm hơn cấp dưới
# Names and types.
diag-unknown = không tìm thấy { $what } `{ $name }`
diag-wrong-kind = `{ $name }` là { $found }, không phải { $expected }
diag-name-clash = `{ $name }` đã là tên của { $global }
diag-alias-clash = "{ $spelling }" đã dùng cho { $what } `{ $first }`
diag-alias-clash-help = khối dữ liệu và khối kiểm thử sẽ không phân biệt được hai cách viết (tên, nhãn và tên viết tắt được so sánh không phân biệt hoa thường, sau NFC); đặt cho mỗi mục một cách viết riêng
diag-needs-ref-or-tier-field = `{ $field }` không phải thông tin kiểu `ref` hay `tier` của `{ $subject }`
diag-needs-ref-or-tier-field-help = `cap at tier of F` giới hạn theo mức của bản ghi mà thông tin `ref` trỏ tới, hoặc theo mức ghi trong thông tin kiểu `tier`
diag-type-mismatch = { $context } cần { $expected }, nhưng gặp { $found }
diag-incomparable = không so sánh được { $left } với { $right }
diag-incomparable-help = so sánh mức đánh giá với mức đánh giá, mức xếp loại với mức xếp loại, lựa chọn với tên các lựa chọn, ngày với ngày
diag-unordered = { $ty } không có thứ tự cho `<`, `<=`, `>` hay `>=`
diag-unordered-help = dùng `==` hoặc `!=`
diag-tier-outside-where = `tier` chỉ dùng được trong `where` của `count` hoặc `share`
diag-tier-outside-where-help = so sánh mức của bản ghi được đếm: `count(S by F where tier >= ht)`
diag-needs-ref-field = `{ $field }` không phải thông tin kiểu `ref` của `{ $subject }`
diag-needs-ref-field-help = khai báo `field NAME ref SUBJECT` trong đối tượng được đếm
# Plan content.
diag-too-few-tiers = kế hoạch cần ít nhất hai mức xếp loại
diag-duplicate-value = giá trị { $value } đã dùng cho mức đánh giá `{ $first }`
diag-negative-value = { $what } không được âm
diag-needs-scale = tiêu chí `{ $criterion }` có trọng số nhưng kế hoạch chưa có `scale`
diag-needs-scale-help = khai báo `scale NAME {"{"} grade "nhãn" giá_trị … {"}"}`
diag-fall-through = các quy tắc của `{ $subject }` có thể để bản ghi không được xếp loại
diag-fall-through-help = không quy tắc nào xếp loại { $example }; thêm `otherwise MỨC`
diag-unreachable-rule = quy tắc `{ $tier }` không bao giờ được áp dụng: { $by } đã bao mọi bản ghi nó thỏa mãn
diag-unreachable-rule-help = sắp xếp lại các quy tắc hoặc bỏ quy tắc này
diag-sum-not-100 = trọng số và điểm của `{ $subject }` cộng lại là { $total }, không phải 100
diag-sum-not-100-help = khi đó điểm không theo thang 100
diag-quota-last-tier = hạn mức cho `{ $tier }`, mức thấp nhất, không có mức nào để chuyển bản ghi xuống
diag-quota-same-tier = hạn mức cho `{ $tier }` lại tính trên chính `{ $tier }`
diag-quota-tier-help = viết ví dụ `quota htxs at most 20% of htt per co_so_dang`
diag-repeated-item = { $what } xuất hiện nhiều hơn một lần
diag-hook-compile = bổ sung `{ $hook }` không biên dịch được: { $message }
diag-hook-forbidden = bổ sung `{ $hook }` dùng `{ $feature }`, điều bổ sung không được dùng
diag-hook-forbidden-help = bổ sung chạy trong vùng cách ly: không `import`, `eval` hay đọc ghi tệp
diag-hook-file = tệp bổ sung `{ $path }` { $problem }
diag-hook-file-help = tệp bổ sung là tệp thường, tối đa { $mib } MiB, nằm trong thư mục của kế hoạch hoặc thư mục con, đường dẫn tính từ kế hoạch
diag-hook-property = bổ sung `{ $hook }` đọc `{ $read }`, nhưng đối tượng `{ $subject }` không có
diag-hook-property-help = `m` có `id`, `subject`, `score` và các tiêu chí, điều kiện, thông tin của đối tượng
diag-test-value = { $message }
diag-display-empty = cột `display` cần có tiêu đề
diag-display-empty-help = viết tiêu đề cột đúng như dòng tiêu đề của tệp dữ liệu: `"Họ và tên"`
diag-display-redundant = `{ $column }` đã có trong mọi kết quả: `display` không cần nêu
diag-display-redundant-help = bỏ nó khỏi dòng `display`
# Numbers.
diag-number-too-long = `{ $text }` có hơn { $digits } chữ số, quá nhiều để tính chính xác
diag-number-too-long-help = điểm và giới hạn được tính chính xác, không làm tròn: một số trong kế hoạch có tối đa { $digits } chữ số, cả trước và sau dấu thập phân
diag-number-too-long-weight = trọng số `{ $text }` chia cho giá trị mức đánh giá cao nhất `{ $max }` là phân số hơn { $digits } chữ số
diag-number-too-long-weight-help = trọng số được tính bằng trọng số × mức đánh giá / mức cao nhất, chính xác dưới dạng phân số có tử và mẫu tối đa { $digits } chữ số; viết trọng số với ít chữ số thập phân hơn
diag-no-positive-grade = thang đánh giá không có mức nào lớn hơn 0, nên không trọng số nào được tính
diag-no-positive-grade-help = trọng số được tính bằng trọng số × mức đánh giá / mức cao nhất; cho mức tốt nhất giá trị lớn hơn 0
diag-quota-never-binds = `{ $percent }` lớn hơn toàn bộ số bản ghi mà mức được tính trong đó: hạn mức không bao giờ chuyển bản ghi nào
diag-quota-never-binds-help = một mức không bao giờ vượt 100% của số đếm chứa nó (`all`, hoặc một mức `or better` bao gồm nó)
# Locks of the central invariants.
diag-read-by-locked = { $what } `{ $name }` được đọc bởi { $by } đã khóa của kế hoạch cấp trên
diag-read-by-locked-help = kế hoạch cấp dưới không được bỏ, hay đổi loại hoặc kiểu, những gì giới hạn và miễn xếp loại đã khóa của cấp trên đọc
diag-cap-no-effect-locked = giới hạn ở `{ $tier }` này không thể nới giới hạn đã khóa ở `{ $parent }` của kế hoạch cấp trên với cùng điều kiện
diag-cap-no-effect = giới hạn ở `{ $tier }` này không có tác dụng: giới hạn của kế hoạch cấp trên với cùng điều kiện đã hạ xuống `{ $parent }`
diag-cap-no-effect-help = giới hạn chỉ hạ mức, nên giới hạn chặt hơn có hiệu lực; bỏ dòng này
diag-rules-replaced = thay thế { $list } của { $place }
diag-rules-replaced-help = các dòng `rule`/`otherwise` của kế hoạch cấp dưới thay cả danh sách của cấp trên: viết lại những quy tắc của cấp trên muốn giữ
replaced-otherwise = dòng `otherwise`
replaced-rule = quy tắc
replaced-rule-otherwise = quy tắc và dòng `otherwise`
replaced-rules = { $n } quy tắc
replaced-rules-otherwise = { $n } quy tắc và dòng `otherwise`
diag-quota-looser = hạn mức { $parent } của kế hoạch cấp trên có hiệu lực; hạn mức { $this } này không có tác dụng
diag-quota-looser-help = cả hai hạn mức đều áp dụng nên hạn mức chặt hơn có hiệu lực: kế hoạch cấp dưới chỉ được đặt hạn mức chặt hơn
diag-group-total = các tiêu chí của nhóm `{ $group }` cộng lại là { $sum }, không phải tổng { $total } của nhóm
diag-group-total-locked-help = tổng của nhóm đã khóa: kế hoạch cấp dưới chỉ được chuyển điểm giữa các tiêu chí trong nhóm
diag-group-total-help = cho các tiêu chí của nhóm trọng số cộng lại bằng tổng
diag-exempt-undoes-cap = miễn xếp loại này đọc `{ $read }`, điều mà một giới hạn đã khóa của kế hoạch cấp trên cũng đọc: nó có thể miễn những bản ghi mà giới hạn hạ mức
diag-exempt-undoes-cap-help = ví dụ { $example }: giới hạn đã khóa của cấp trên áp dụng cho mọi bản ghi được xếp loại, và kế hoạch cấp dưới không được miễn những bản ghi đó
# Notes under a diagnostic.
note-locked-by = khóa ở đây bằng `lock { $what }`
note-read-by = { $what } của kế hoạch cấp trên đọc nó
note-parent-cap = giới hạn của kế hoạch cấp trên
note-parent-rules = danh sách quy tắc của kế hoạch cấp trên
note-parent-quota = hạn mức của kế hoạch cấp trên
note-parent-deadline = thời hạn của kế hoạch cấp trên
note-lower-deadline = thời hạn của cấp dưới
note-group-total = tổng của nhóm `{ $group }` đặt ở đây
note-parent-subject = đối tượng `{ $subject }` khai báo ở đây
note-first-here = lần đầu ở đây
note-first-declared = khai báo lần đầu ở đây
note-first-named = nêu lần đầu ở đây
note-declared = khai báo ở đây
note-declared-by-parent = kế hoạch cấp trên khai báo ở đây
note-locked-here = khóa ở đây
note-spelled-so = viết như vậy ở đây
note-inherits = trong đối tượng `{ $subject }`, đối tượng kế thừa dòng này
note-opens-here = mở ở đây
# Phrases diagnostics are built from.
ph-or = { $init } hoặc { $last }
ph-choice-of = một lựa chọn của { $field }
ph-larger-than = lớn hơn { $size }
ph-rule-on-line = quy tắc `{ $tier }` ở dòng { $line }
ph-criterion = tiêu chí
ph-flag = điều kiện
ph-field = thông tin
ph-grade = mức đánh giá
ph-tier = mức xếp loại
ph-subject = đối tượng
ph-level = cấp
ph-group = nhóm
ph-hook = bổ sung
ph-record = bản ghi
ph-block = khối
ph-name = tên
ph-cap = giới hạn
ph-exemption = miễn xếp loại
ph-item = tiêu chí, điều kiện hay thông tin
ph-display-column = cột hiển thị
ph-rule-list-of = danh sách quy tắc của
ph-exemption-list-of = danh sách miễn xếp loại của
ph-ref-or-tier-field = thông tin kiểu `ref` hoặc `tier`
ph-plan-header = phần đầu `plan`
ph-tiers-block = khối `tiers`
ph-a-grade = mức đánh giá
ph-a-tier = mức xếp loại
ph-a-subject = đối tượng
ph-a-group = nhóm
ph-a-value = giá trị
ph-a-condition = điều kiện đúng/sai
ph-a-number = số
ph-a-date = ngày
ph-a-day-month = ngày và tháng
ph-a-text = văn bản
ph-arithmetic = phép tính
ph-rules-before = các quy tắc trước nó
ph-end-of-file = hết tệp
ph-end-of-line = hết dòng
ph-backtick = dấu `
ph-something-else = nội dung khác
ph-a-plan = một kế hoạch
ph-more = thêm nội dung
ph-less = ít hơn
ph-nothing = không có gì
ph-a-name = một tên
ph-quoted-string = một chuỗi trong ngoặc kép
ph-percentage = một tỷ lệ như `20%`
ph-date-such-as = một ngày như `2020-11-06`
ph-day-month-such-as = ngày và tháng như `15/12`
ph-comparison = một phép so sánh (`==`, `>=`, …)
ph-operator = một phép toán
ph-header = phần đầu kế hoạch `plan "MÃ" {"{"} … {"}"}`
ph-condition = một điều kiện
ph-value-or-expression = một giá trị hoặc biểu thức
ph-script = một khối mã mở bằng ``` ở cuối dòng
ph-plan-item = một mục của kế hoạch
ph-subject-item = một mục của đối tượng (`criterion`, `flag`, `field`, `rule`, …)
ph-declaration = một khai báo (`scale`, `tiers`, `level`, `subject`, `hook`, `test`)
ph-header-entry = một mục của phần đầu (`title`, `issuer`, `issued`, …)
ph-test-item = một mục kiểm thử (`year`, `data`, `record`, `expect`)
ph-absolute-path = là đường dẫn tuyệt đối
ph-outside-folder = nằm ngoài thư mục của kế hoạch
ph-not-utf8 = không phải văn bản UTF-8
ph-does-not-exist = không tồn tại
ph-permission-denied = không đọc được (không có quyền)
ph-is-directory = là thư mục
# The command line.
check-ok = xong: đã kiểm tra { $plans } kế hoạch, không có vấn đề
check-found = { $errors } lỗi, { $warnings } cảnh báo trong { $plans } kế hoạch
cli-cannot-write-stdout = không ghi được ra đầu ra chuẩn: { $error }
cli-sheet-no-workbook = `--sheet { $sheet }`: không tệp `--data` nào là bảng tính (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`)
cli-plan-in-data = `{ $plan }` đã bị đọc như tệp dữ liệu: `--data` nhận mọi đường dẫn theo sau; hãy ghi kế hoạch trước: `kehoach eval { $plan } --data TỆP…`
## End of the diagnostics block.

## Issue 19, remainder: last year's tier beside this year's (`--previous`) in the workbook and the report
w-previous-tier = Mức năm trước
note-parent-use = kế hoạch cấp trên đọc `{ $name }` ở đây, theo kiểu nó đã khai báo

## explain: exemptions and hooks
explain-exempt-line = miễn xếp loại? { $line } ({ $place }): { $held }
explain-hook = bổ sung (hook) `{ $name }` ở bước { $stage } ({ $place }):
explain-hook-note = ghi chú: { $text }
explain-hook-score = điểm { $before } → { $after }
explain-hook-tier = mức «{ $before }» → «{ $after }»
explain-hook-none = không thay đổi
at-line = dòng { $n }
at-row = hàng { $n }
report-quota-rule = quy định tại { $place }
done-unknown-level-near = `{ $level }` không phải một cấp của kế hoạch; có phải là `{ $nearest }`?
done-unknown-level = `{ $level }` không phải một cấp của kế hoạch (các cấp: { $levels })
done-not-date = `{ $text }` không phải một ngày (dd/mm/yyyy hoặc yyyy-mm-dd)

## Data, records and hooks at run time (issue 20, remainder): where a record
## is, why a row, a cell or a whole file cannot be read, why a record has no
## tier, what the data said besides, why a hook failed, why a test failed.
# Where a record is (a place inside a sentence), then a whole sentence at it.
place-line = { $file }, dòng { $n }
place-index = { $file }, phần tử [{ $n }]
place-row = { $file }, hàng { $n }
place-cell = ô { $cell } trên trang «{ $sheet }» của tệp { $file }
place-sheet-row = hàng { $n } trên trang «{ $sheet }» của tệp { $file }
place-at = { $place }: { $words }
place-at-column = { $place }, cột `{ $column }`: { $words }
place-at-cell = Ô { $cell } (cột `{ $column }`) trên trang «{ $sheet }» của tệp { $file }: { $words }
place-at-sheet-row = Hàng { $n } trên trang «{ $sheet }» của tệp { $file }: { $words }
place-at-sheet-row-column = Hàng { $n } (cột `{ $column }`) trên trang «{ $sheet }» của tệp { $file }: { $words }
place-column = cột `{ $column }`: { $words }
# A row that cannot be read.
row-unclosed = một ô mở dấu ngoặc kép ở dòng { $opened } mà không đóng lại (thiếu một dấu `"`)
row-not-object = không phải một đối tượng JSON
row-not-json = không phải một đối tượng JSON (`{ $why }`)
row-line-not-utf8 = dòng này không phải văn bản UTF-8
row-repeated-key = khóa `{ $key }` xuất hiện hai lần trong đối tượng
row-file = không đọc được: { $problem }
# A whole file that cannot be read (short: in each record; long: once).
file-not-utf8-short = tệp không phải văn bản UTF-8
file-duplicate-column-short = tệp có hai cột cho cùng một mục: `{ $first }` và `{ $second }`
file-missing-column-short = tệp không có cột `{ $item }`
file-no-id-short = tệp không có cột `id`
file-not-utf8 = { $file }: tệp không phải văn bản UTF-8 (dòng { $line }): hãy lưu lại theo định dạng “CSV UTF-8”; mọi bản ghi của tệp đều bị lỗi
file-not-utf8-like = { $file }: tệp không phải văn bản UTF-8 (dòng { $line }), có vẻ là bảng mã { $guess }: hãy lưu lại theo định dạng “CSV UTF-8”; mọi bản ghi của tệp đều bị lỗi
file-duplicate-column = { $file }: cột { $first_at } (`{ $first }`) và cột { $second_at } (`{ $second }`) cùng là một mục: chỉ giữ một cột; mọi bản ghi của tệp đều bị lỗi
file-missing-column = { $file }: các bản ghi `{ $subject }` cần cột `{ $item }` nhưng tệp không có{ $nearest }; các bản ghi đó bị lỗi
file-no-id = { $file }: tệp không có cột `id`{ $nearest }; mọi bản ghi của tệp đều bị lỗi
file-nearest = (cột gần giống nhất là `{ $name }`)
data-nul-byte = { $file }: dòng { $line } chứa byte NUL: đây không phải tệp văn bản CSV (hãy lưu lại theo định dạng “CSV UTF-8”)
data-bad-utf16 = { $file }: tệp ghi là UTF-16 nhưng dòng { $line } không phải: hãy lưu lại theo định dạng “CSV UTF-8”
# A cell whose value is bad.
cell-not-utf8 = ô không phải văn bản UTF-8: hãy lưu tệp theo bảng mã UTF-8
cell-sheet-error = ô chứa lỗi của bảng tính `{ $error }`
cell-out-of-range = «{ $text }» nằm ngoài khoảng từ 0 đến { $max }
cell-not-one-near = «{ $text }» không phải là { $what ->
    [grade] mức đánh giá
    [tier] mức xếp loại
   *[other] một lựa chọn
}; có phải là `{ $nearest }`?
cell-not-one = «{ $text }» không phải là { $what ->
    [grade] mức đánh giá; các mức là
    [tier] mức xếp loại; các mức là
   *[other] một lựa chọn; các lựa chọn là
} { $names }
cell-too-many-digits = «{ $text }» có nhiều chữ số hơn mức kehoach tính chính xác được (tối đa 18 chữ số sau dấu thập phân)
cell-not-number = «{ $text }» không phải là số
cell-not-flag = «{ $text }» không phải là có hoặc không (`có`/`không`, `1`/`0`, `x`, `true`/`false`, `yes`/`no`)
cell-not-date = «{ $text }» không phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd)
# What the data said besides (warnings on standard error and in the reports).
data-unknown-columns = { $file }: không đối tượng nào khai báo các cột { $columns }; các cột này được bỏ qua
data-carry-missing-one = { $file }: không có cột { $columns } để chép sang kết quả; các ô của cột này để trống
data-carry-missing = { $file }: không có các cột { $columns } để chép sang kết quả; các ô của chúng để trống
data-no-records = { $file }: tệp không có bản ghi nào
data-missing-subject = không có bản ghi { $subject } nào, trong khi các bản ghi { $readers } đọc đến chúng: hãy đưa thêm tệp các bản ghi { $subject } vào `--data`
data-labelled = «{ $label }» (`{ $name }`)
data-blank-row = { $file }: bỏ qua 1 dòng trống (dòng { $lines })
data-blank-rows = { $file }: bỏ qua { $count } dòng trống (dòng { $lines })
# Why a record has no tier.
rec-cap-target-none = không có bản ghi nào mã `{ $id }`
rec-cap-target-error = bản ghi `{ $id }` bị lỗi, nên chưa biết mức giới hạn của bản ghi này
rec-cap-target-not-yet = bản ghi `{ $id }` chưa được xếp loại, nên chưa biết mức giới hạn của bản ghi này
rec-cap-target-unavailable = không đọc được bản ghi `{ $id }` ở đây
rec-no-id = thiếu cột `id` hoặc ô `id` để trống
rec-unknown-subject-near = cột `subject`: «{ $name }» không phải là đối tượng của kế hoạch; có phải là `{ $nearest }`?
rec-unknown-subject = cột `subject`: «{ $name }» không phải là đối tượng của kế hoạch
rec-subject-cell = cột `subject`: { $problem }
rec-no-subject = bản ghi không ghi đối tượng: thêm cột `subject` hoặc dùng `--subject`
rec-repeated-id = mã `{ $id }` bị trùng (lần đầu ở { $first })
rec-bad-ref = «{ $target }» không phải mã của bản ghi `{ $root }` nào
rec-no-grade = tiêu chí `{ $criterion }` chưa có mức đánh giá
rec-no-points = tiêu chí `{ $criterion }` chưa có điểm
rec-score-too-large = điểm quá lớn để tính chính xác
rec-no-tier = không quy tắc nào cho mức xếp loại và kế hoạch không có `otherwise`
rec-cap-at-missing = `cap at tier of { $field }` cần `{ $field }`, nhưng bản ghi không có
rec-quota-group-missing = hạn mức tính theo nhóm `{ $field }`, nhưng bản ghi không có
rec-never-classified = bản ghi chưa được xếp loại (lỗi của kehoach: xin báo cho người phát triển)
clause-exemption = một trường hợp miễn xếp loại
clause-rule = quy tắc `{ $tier }` (dòng { $line })
clause-cap = giới hạn `{ $tier }` (dòng { $line })
eval-needs = không xét được { $what }: thiếu `{ $name }`
eval-divides = không xét được { $what }: chia cho 0
eval-overflows = không xét được { $what }: số quá lớn để tính chính xác
eval-other = không xét được { $what }: { $why }
eval-missing = thiếu `{ $name }`
eval-division = chia cho 0
eval-too-large = số quá lớn để tính chính xác
eval-not-date = hàm `{ $func }` cần một ngày
eval-not-condition = không phải một điều kiện
eval-not-number = không phải một số
eval-not-graded = `{ $name }` không có mức đánh giá
eval-unavailable = không tính được `{ $aggregate }` ở đây
eval-spoiled-error = `{ $aggregate }` đếm cả bản ghi `{ $record }`, bản ghi này bị lỗi
eval-spoiled-not-yet = `{ $aggregate }` đếm cả bản ghi `{ $record }`, bản ghi này chưa được xếp loại
eval-spoiled-missing = `{ $aggregate }` không biết có đếm bản ghi `{ $record }` hay không: bản ghi đó thiếu `{ $name }`
eval-spoiled-filter = `{ $aggregate }` không biết có đếm bản ghi `{ $record }` hay không: { $why }
eval-its-where = điều kiện `where` của nó
# Why a hook failed.
hook-type = { $ty ->
    [number] một số
    [text] một văn bản
    [bool] `true/false`
    [character] một ký tự
    [array] một mảng
    [map] một bảng (map)
    [function] một hàm
    [record] bản ghi `m`
    [unit] `()`
    [range] một khoảng
   *[value] một giá trị
}
hook-value-text = văn bản `{ $text }`
hook-value-number = số { $number }
hook-operations = chạy quá { $limit } phép tính, giới hạn của một lần gọi bổ sung
hook-stack = gọi hàm lồng nhau quá { $limit } cấp
hook-too-large = { $which ->
    [string] chuỗi
    [array] mảng
    [map] bảng (map)
   *[other] dữ liệu (`{ $what }`)
} vượt quá giới hạn (chuỗi { $strings } byte, mảng { $arrays } phần tử, bảng { $maps } mục)
hook-property = bản ghi không có thuộc tính `{ $name }` (tên viết sai, hoặc đối tượng không khai báo)
hook-threw = mã bổ sung báo lỗi `{ $value }`
hook-no-function = gọi `{ $function }`, hàm mà bổ sung không có
hook-mismatch = cho { $got } ở chỗ cần { $want }
hook-indexing = lấy phần tử theo chỉ số từ { $ty }, thứ không có chỉ số
hook-time = chạy lâu hơn { $limit } ms, giới hạn thời gian của một lần gọi bổ sung (giới hạn này tùy theo máy)
hook-notes = ghi quá { $notes } ghi chú hoặc { $bytes } byte ghi chú, giới hạn của một lần gọi bổ sung
hook-other = lỗi khi chạy (`{ $words }`)
hook-failed = bổ sung `{ $hook }` bị lỗi ở { $at }: { $why }
hook-not-run = bổ sung `{ $hook }` không được chạy: các bổ sung của lần chạy này đã dùng tổng cộng hơn { $limit }, giới hạn thời gian của một lần chạy (giới hạn này tùy theo máy)
hook-wrong = bổ sung `{ $hook }` phải cho { $want ->
    [score] một số (điểm mới)
   *[tier] tên một mức xếp loại
} hoặc `()`, không phải { $got }
hook-not-usable-score = bổ sung `{ $hook }` cho điểm không phải là một số dùng được
hook-not-tier = bổ sung `{ $hook }` cho `{ $tier }`, không phải một mức xếp loại
# A record the checker made up to show a finding.
example-scored = một bản ghi có { $values } (điểm { $score })
example = một bản ghi có { $values }
# A `test` block's value that does not fit.
tv-not-year = `{ $text }` không phải là một năm
tv-item = `{ $item }` { $why }
tvw-not-grade = cần một mức đánh giá; `{ $value }` không phải mức đánh giá
tvw-not-grade-spelling = cần một mức đánh giá; "{ $value }" không phải tên, nhãn hay tên viết tắt của mức đánh giá nào
tvw-out-of-range = phải từ 0 đến { $max }
tvw-grade-not-number = cần một mức đánh giá, không phải một số
tvw-grade-or-points = cần một mức đánh giá hoặc số điểm
tvw-true-false = cần `true` hoặc `false`
tvw-number = cần một số
tvw-date = cần một ngày
tvw-text = cần một văn bản trong ngoặc kép
tvw-ref = cần mã (trong ngoặc kép) của một bản ghi `{ $subject }`
tvw-tier = cần tên một mức xếp loại
tvw-one-of = cần một trong các lựa chọn { $options }
# Why a test failed.
test-line = dòng { $line }: { $what }
test-no-record = cần có bản ghi mã `{ $id }`, nhưng không có
test-expected = `{ $id }`: kết quả cần là { $want }, nhưng là { $got }
test-tier = mức { $tier }
test-tier-score = mức { $tier } với { $score } điểm
test-score = { $score } điểm
test-exempt = miễn xếp loại
test-error = lỗi
test-error-was = lỗi: { $error }
test-count = cần { $want } bản ghi { $subject } ở mức { $tier }, nhưng có { $got }
# explain: an aggregate a condition computed, and where a record stopped.
explain-aggregate = `{ $text }` = { $value } ({ $matching } trong { $counted } bản ghi được đếm thỏa mãn)
explain-stopped = dừng: { $why }
# Data that cannot be read at all (exit status 2).
fail-cannot-read = không đọc được `{ $file }`: { $why ->
    [not-found] không có tệp này
    [denied] không có quyền đọc
   *[other] `{ $text }`
}
fail-not-data-file = `{ $file }` không phải tệp dữ liệu: dùng tệp `.csv`, `.json`, `.jsonl`, `.xlsx`, `.xls` hoặc `.ods`
fail-damaged = không đọc được `{ $file }` như một bảng tính (`{ $why }`): tệp bị hỏng, có mật khẩu hoặc không thật sự là tệp `.{ $ext }`; hãy mở tệp và lưu lại
fail-ods-errors = trang «{ $sheet }» của `{ $file }` có ô lỗi công thức (#N/A, #VALUE! …) mà LibreOffice lưu thành ô trống: hãy sửa các ô đó, hoặc lưu trang thành tệp .xlsx để biết từng ô lỗi
fail-no-sheet = `{ $file }` không có trang `{ $want }`; các trang của tệp là { $sheets }
fail-no-worksheet = `{ $file }` không có trang tính nào
fail-not-array = `{ $file }` phải chứa một mảng JSON gồm các đối tượng
fail-not-json = `{ $file }` không phải JSON hợp lệ (`{ $why }`)
fail-no-such-subject = `--subject { $name }`: kế hoạch không có đối tượng này
fail-too-many-files = quá { $n } tệp dữ liệu trong một lần chạy
fail-too-many-lines = một tệp dữ liệu có nhiều dòng hơn số kehoach đánh số được
fail-previous = `--previous { $file }`: { $why }
previous-cannot-read = không đọc được tệp (`{ $error }`)
previous-not-json = không phải JSON do `kehoach eval --format json` tạo (`{ $error }`)
previous-no-records = không có danh sách `records` (cần JSON do `kehoach eval --format json` tạo)
previous-no-id-or-tier = bản ghi [{ $index }] không có `id` hoặc `tier`
previous-unknown-tier = bản ghi `{ $id }` có mức `{ $tier }`, mức mà kế hoạch này không khai báo
# The command line: files it cannot write, outputs it cannot make.
cli-cannot-write = không ghi được `{ $file }`: { $why ->
    [not-found] không có thư mục này
    [denied] không có quyền ghi vào đó
    [full] đĩa đã hết chỗ trống
   *[other] `{ $error }`
}
cli-cannot-make-memo = không tạo được tờ trình (`{ $error }`)
cli-cannot-make-report = không tạo được báo cáo (`{ $error }`)
cli-out-is-data = `--out { $out }` trỏ vào chính tệp dữ liệu `{ $data }`: kết quả sẽ ghi đè lên dữ liệu; hãy chọn tệp khác
cli-xlsx-needs-out = `--format xlsx` tạo một bảng tính: hãy thêm `--out TỆP.xlsx`
done-cannot-read = không đọc được `{ $file }` (`{ $error }`)
done-not-utf8 = `{ $file }` không phải văn bản UTF-8
done-no-column = `{ $file }` không có cột `{ $column }`
