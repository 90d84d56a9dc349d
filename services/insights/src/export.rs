//! Reports as CSV rows (RFC 4180 quoting), header first, for `ExportReport`.

use crate::attribution::{AttributionReport, Model};
use crate::kpis::{KpiReport, KpiRow, Kpis};

/// Quotes a field when it holds a comma, quote or line break.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The KPI report: one row per group then the total (`scope` column), each with the
/// current and previous period's KPIs.
pub fn kpi_rows(report: &KpiReport) -> Vec<String> {
    let names: Vec<&str> = Kpis::default().named().iter().map(|(n, _)| *n).collect();
    let mut header = vec!["scope".to_owned(), "key".to_owned()];
    header.extend(names.iter().map(|n| (*n).to_owned()));
    header.extend(names.iter().map(|n| format!("previous_{n}")));
    let mut out = vec![header.join(",")];
    let line = |scope: &str, row: &KpiRow| {
        let mut cells = vec![scope.to_owned(), field(&row.key)];
        cells.extend(row.current.named().iter().map(|(_, v)| number(*v)));
        cells.extend(row.previous.named().iter().map(|(_, v)| number(*v)));
        cells.join(",")
    };
    out.extend(report.rows.iter().map(|r| line("group", r)));
    out.push(line("total", &report.total));
    out
}

/// The attribution report: one row per group with each model's conversions and
/// revenue.
pub fn attribution_rows(report: &AttributionReport) -> Vec<String> {
    let mut header = vec!["key".to_owned()];
    for m in Model::ALL {
        header.push(format!("{}_conversions", m.name()));
        header.push(format!("{}_revenue", m.name()));
    }
    let mut out = vec![header.join(",")];
    for row in &report.rows {
        let mut cells = vec![field(&row.key)];
        for c in &row.credit {
            cells.push(number(c.conversions));
            cells.push(number(c.revenue));
        }
        out.push(cells.join(","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("email"), "email");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
