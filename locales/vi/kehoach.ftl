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
w-impact = Ảnh hưởng trên dữ liệu
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
fmt-cannot-write = không ghi được `{ $file }`: { $error }

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

## Issue 19, remainder: last year's tier beside this year's (`--previous`) in the workbook and the report
w-previous-tier = Mức năm trước
