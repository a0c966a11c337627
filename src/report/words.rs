//! Every word of the workbook and of the HTML reports, in Vietnamese and in
//! English, side by side in one table (ready to move into Fluent catalogs
//! with issue 20). The templates hold structure only and read these as `w`.

use crate::lang::Lang;

macro_rules! words {
    ($($name:ident: $vi:literal, $en:literal;)*) => {
        /// The words of one language.
        #[derive(Debug, serde::Serialize)]
        pub struct Words { $(pub $name: &'static str,)* }
        const VI: Words = Words { $($name: $vi,)* };
        const EN: Words = Words { $($name: $en,)* };
    };
}

words! {
    // Sheets of the workbook.
    sheet_results: "Kết quả", "Results";
    sheet_summary: "Tổng hợp", "Summary";
    sheet_exempt: "Miễn xếp loại", "Exempt";
    sheet_errors: "Lỗi dữ liệu", "Data errors";
    // Column heads.
    id: "Mã", "Id";
    subject: "Đối tượng", "Subject";
    unit: "Đơn vị", "Unit";
    score: "Điểm", "Score";
    tier: "Xếp loại", "Tier";
    abbr: "Viết tắt", "Abbreviation";
    status: "Trạng thái", "Status";
    reasons: "Căn cứ xếp loại / lỗi", "Reasons / error";
    why_exempt: "Lý do miễn xếp loại", "Why exempt";
    total: "Tổng số", "Total";
    classified: "Được xếp loại", "Classified";
    count: "Số lượng", "Count";
    share: "Tỷ lệ", "Share";
    exempt: "Miễn xếp loại", "Exempt";
    errors: "Lỗi", "Errors";
    file: "Tệp", "File";
    place: "Vị trí", "Place";
    column: "Cột", "Column";
    problem: "Vấn đề", "Problem";
    // Statuses.
    status_classified: "Đã xếp loại", "classified";
    status_exempt: "Miễn xếp loại", "exempt";
    status_error: "Lỗi", "error";
    // Rows and places.
    subtotal: "Cộng", "Subtotal";
    grand_total: "Tổng cộng", "Grand total";
    no_unit: "(không chia theo đơn vị)", "(not by unit)";
    no_subject: "(không rõ đối tượng)", "(unknown subject)";
    line: "dòng", "line";
    row: "hàng", "row";
    record: "bản ghi", "record";
    whole_file: "(cả tệp)", "(whole file)";
    exact: "Giá trị chính xác", "Exact value";
    // The report.
    party: "ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM";
    reporter: "ĐẢNG ỦY ……………………", "PARTY COMMITTEE ……………………";
    doc_number: "Số ……-BC/……", "No. ……-BC/……";
    name: "Tên", "Name";
    count_short: "SL", "No.";
    dated: "……, ngày …… tháng …… năm ……", "……, date ……………";
    report_kind: "BÁO CÁO", "REPORT";
    report_title: "Kết quả kiểm điểm, đánh giá, xếp loại chất lượng năm", "Results of the review, evaluation and quality classification for";
    carrying_out: "Thực hiện Kế hoạch số", "Carrying out Plan no.";
    of_date: "ngày", "of";
    of_issuer: "của", "by";
    about: "về", "on";
    plan_head: "Kế hoạch", "The plan";
    number: "Số", "Number";
    issued: "Ngày ban hành", "Issued";
    issuer: "Cơ quan ban hành", "Issued by";
    basis: "Căn cứ", "Basis";
    supersedes: "Thay thế", "Supersedes";
    year: "Năm đánh giá", "Year";
    records_read: "Số bản ghi", "Records";
    part_summary: "I. Tổng hợp chung", "I. Summary";
    part_chart: "Tỷ lệ các mức xếp loại theo đơn vị", "Tier shares per unit";
    chart_note: "Tỷ lệ trên số được xếp loại của từng đơn vị, từng đối tượng.", "Shares of those classified in each unit, per subject.";
    part_units: "II. Kết quả theo đơn vị", "II. Results per unit";
    part_problems: "III. Vấn đề dữ liệu", "III. Data problems";
    not_by_unit: "Đối tượng không chia theo đơn vị", "Subjects not divided by unit";
    quota_use: "Sử dụng hạn mức", "Quota use";
    allowed: "được phép", "allowed";
    quota_of: "hạn mức", "quota";
    moved: "Chuyển mức do hạn mức", "Moved by the quota";
    moved_from: "Mức trước", "Before";
    moved_to: "Mức sau", "After";
    rank: "Thứ tự", "Rank";
    exempt_list: "Danh sách miễn xếp loại", "Exempt";
    error_list: "Danh sách bản ghi lỗi", "Records in error";
    file_problems: "Lỗi của cả tệp", "Problems of whole files";
    warnings: "Cảnh báo", "Warnings";
    none: "Không có.", "None.";
    recipients: "Nơi nhận:", "To:";
    archive: "Lưu văn phòng.", "Office archive.";
    author: "NGƯỜI LẬP", "PREPARED BY";
    sign: "(Ký, ghi rõ họ tên)", "(Signature and full name)";
    made_by: "Lập bằng kehoach", "Made with kehoach";
    // The diff memo.
    diff_title: "So sánh kế hoạch", "Comparison of plans";
    diff_with: "với kế hoạch được thay thế", "with the plan it replaces";
    old_plan: "Kế hoạch cũ", "Old plan";
    new_plan: "Kế hoạch mới", "New plan";
    changes: "Các thay đổi", "Changes";
    change_count: "Số thay đổi", "Changes";
    same: "Hai kế hoạch giống nhau.", "The plans are the same.";
    item: "Mục", "Item";
    change: "Thay đổi", "Change";
    old: "Cũ", "Old";
    new: "Mới", "New";
    direction: "Chiều thay đổi", "Direction";
    added: "thêm", "added";
    removed: "bỏ", "removed";
    changed: "sửa", "changed";
    impact: "Ảnh hưởng trên dữ liệu", "Impact on the data";
    moved_count: "Số bản ghi đổi mức", "Records that move";
    matrix: "Ma trận chuyển mức (hàng: mức cũ, cột: mức mới)", "Transitions (rows: old tier, columns: new tier)";
    who_moves: "Bản ghi đổi mức", "Who moves";
}

impl Words {
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    /// A status in words.
    pub fn status(&self, s: crate::eval::outcome::Status) -> &'static str {
        use crate::eval::outcome::Status;
        match s {
            Status::Classified => self.status_classified,
            Status::Exempt => self.status_exempt,
            Status::Error | Status::Pending => self.status_error,
        }
    }

    /// Where a record is in its file: `dòng 12`, `hàng 5`, `bản ghi [3]`.
    pub fn at(&self, at: crate::data::At) -> String {
        use crate::data::At;
        match at {
            At::Line(n) => format!("{} {n}", self.line),
            At::Row(n) => format!("{} {n}", self.row),
            At::Index(n) => format!("{} [{n}]", self.record),
        }
    }
}

/// The abbreviation an office writes for a tier: the standard four
/// (HTXSNV, HTTNV, HTNV, KHTNV) by their labels; any other tier's label.
pub fn abbreviation(label: &str) -> String {
    const STANDARD: [(&str, &str); 4] = [
        ("hoàn thành xuất sắc nhiệm vụ", "HTXSNV"),
        ("hoàn thành tốt nhiệm vụ", "HTTNV"),
        ("hoàn thành nhiệm vụ", "HTNV"),
        ("không hoàn thành nhiệm vụ", "KHTNV"),
    ];
    let key = crate::data::norm(label);
    STANDARD.iter().find(|(l, _)| *l == key).map_or_else(|| label.to_string(), |(_, a)| (*a).to_string())
}

/// `x` with `places` decimals at most, in the language's style: a comma
/// before the decimals in Vietnamese (`87,5`), a point in English.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    let text = format!("{x:.places$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_tiers_have_their_abbreviations_and_others_their_labels() {
        assert_eq!(abbreviation("Hoàn thành xuất sắc nhiệm vụ"), "HTXSNV");
        assert_eq!(abbreviation("Hoa\u{300}n tha\u{300}nh nhie\u{323}\u{302}m vu\u{323}"), "HTNV");
        assert_eq!(abbreviation("KHÔNG HOÀN THÀNH NHIỆM VỤ"), "KHTNV");
        assert_eq!(abbreviation("Trong sạch, vững mạnh"), "Trong sạch, vững mạnh");
    }

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(decimal(Lang::Vi, 87.5, 2), "87,5");
        assert_eq!(decimal(Lang::En, 87.5, 2), "87.5");
        assert_eq!(decimal(Lang::Vi, 12.0, 1), "12");
        assert_eq!(decimal(Lang::Vi, 2.0 / 3.0 * 100.0, 1), "66,7");
    }
}
