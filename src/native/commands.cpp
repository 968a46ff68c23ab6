#include "native/commands.hpp"

#include <memory>

#include "core/find_issues_run.hpp"
#include "core/label_probabilities.hpp"
#include "core/labelscope.hpp"
#include "native/command_out.hpp"

namespace labelscope::cli {

MergedWarnings merge_warnings(const Warnings& first, const Warnings& second) {
    MergedWarnings out;
    std::vector<std::pair<WarningCode, std::string>> seen;
    for (const Warnings* list : {&first, &second}) {
        for (const Warning& w : *list) {
            bool dup = false;
            for (const auto& s : seen) dup = dup || (s.first == w.code && s.second == w.message);
            if (dup) continue;
            seen.emplace_back(w.code, w.message);
            JsValue o = JsValue::object();
            o.set("code", JsValue::string(to_string(w.code)));
            o.set("message", JsValue::string(w.message));
            o.set("count", JsValue::number(static_cast<double>(w.count)));
            if (w.first_example >= 0) o.set("example", JsValue::number(static_cast<double>(w.first_example)));
            if (w.class_index >= 0) o.set("class", JsValue::number(static_cast<double>(w.class_index)));
            out.json.push(std::move(o));
            out.messages.push_back(w.message);
        }
    }
    return out;
}

namespace {

std::string filter_by_of(const Values& v) { return flag_or(v, "filter-by", "prune_by_noise_rate"); }
std::string rank_by_of(const Values& v) { return flag_or(v, "rank-by", "self_confidence"); }

// The JS API's audit options as the bindings read them: filter_by is parsed first, then rank_by.
AuditOptions audit_options_of(const Values& v) {
    AuditOptions a;
    a.values_validated = true;  // by the reader, whose warnings every command reports first
    a.find.filter_by = parse_filter_by(filter_by_of(v));
    if (v.frac_noise) a.find.frac_noise = *v.frac_noise;
    if (v.min_examples_per_class) a.find.min_examples_per_class = static_cast<std::int64_t>(*v.min_examples_per_class);
    const std::string rank = rank_by_of(v);
    const bool adjust = v.has("adjust-pred-probs");
    if (rank != "none")
        a.rank_by = ScoreOptions{parse_score_method(rank), adjust};
    else
        a.rank_by = std::nullopt;
    return a;
}

// A K x K matrix, one row at a time while printing; `owner` keeps it alive.
template <class T>
JsValue matrix_of(std::shared_ptr<const void> owner, const Matrix<T>& m) {
    return JsValue::generated(m.rows, [owner, &m](std::size_t r) {
        return JsValue::numbers(
            std::vector<double>(m.values.begin() + r * m.cols, m.values.begin() + (r + 1) * m.cols));
    });
}
struct Context {
    const io::Dataset& d;
    const Warnings& read_warnings;
    const Values& v;
    JsValue name(std::int32_t c) const { return JsValue::string(d.class_names[static_cast<std::size_t>(c)]); }
};

template <class T>
CommandResult find_issues(const Context& c, ProbsView<T> p) {
    const LabelsView y = c.d.labels_view();
    FindIssuesRequest request;
    request.filter_by = filter_by_of(c.v);
    if (c.v.frac_noise) request.frac_noise = *c.v.frac_noise;
    if (c.v.min_examples_per_class)
        request.min_examples_per_class = static_cast<std::int64_t>(*c.v.min_examples_per_class);
    request.rank_by = rank_by_of(c.v);
    request.adjust_pred_probs = c.v.has("adjust-pred-probs");
    // The reader validated the values (its warnings are the ones validation would repeat).
    request.values_validated = true;
    FindIssuesResult found = find_issues_run(y, p, request);
    MergedWarnings warnings = merge_warnings(c.read_warnings, found.warnings);
    CommandResult r;
    r.json = JsValue::object();
    r.json.set("n", num(static_cast<double>(c.d.num_examples)));
    r.json.set("k", num(static_cast<double>(c.d.num_classes)));
    r.json.set("filter_by", JsValue::string(request.filter_by));
    r.json.set("rank_by", JsValue::string(request.rank_by));
    r.json.set("num_issues", num(static_cast<double>(found.indices.size())));
    r.json.set("indices", numbers_of(found.indices));
    r.json.set("warnings", std::move(warnings.json));
    r.warning_messages = std::move(warnings.messages);
    if (c.v.format != "csv") return r;
    // label_quality and the suggested label come with the audit (same options, same flags).
    auto report = std::make_shared<Report>(audit(y, p, audit_options_of(c.v)));
    auto indices = std::make_shared<IndexList>(std::move(found.indices));
    for (const char* h : {"rank", "index", "label_quality", "given_label", "suggested_label"})
        r.csv_header.push_back(JsValue::string(h));
    r.csv_rows = indices->size();
    r.csv_row = [c, report, indices](std::size_t row, std::vector<JsValue>& cells) {
        const std::int32_t i = (*indices)[row];
        cells[0] = num(static_cast<double>(row + 1));
        cells[1] = num(i);
        cells[2] = num(report->label_quality[static_cast<std::size_t>(i)]);
        cells[3] = c.name(c.d.labels[static_cast<std::size_t>(i)]);
        cells[4] = c.name(report->suggested_label[static_cast<std::size_t>(i)]);
    };
    return r;
}

template <class T>
CommandResult scores(const Context& c, ProbsView<T> p) {
    const LabelsView y = c.d.labels_view();
    // The Node CLI validates again here; the reader did the same checks and has the same warnings.
    const std::string* given = c.v.get("method");
    const std::string method = given ? *given : "self_confidence";
    const bool adjust = c.v.has("adjust-pred-probs");
    const ScoreOptions options{parse_score_method(method), adjust};
    auto values = std::make_shared<std::vector<double>>(get_label_quality_scores(y, p, options));
    MergedWarnings warnings = merge_warnings(c.read_warnings, {});
    CommandResult r;
    r.json = JsValue::object();
    r.json.set("method", JsValue::string(method));
    r.json.set("adjust_pred_probs", JsValue::boolean(adjust));
    r.json.set("scores", JsValue::numbers(*values));
    r.json.set("warnings", std::move(warnings.json));
    r.warning_messages = std::move(warnings.messages);
    scores_csv(r, values);
    return r;
}

template <class T>
CommandResult health(const Context& c, ProbsView<T> p) {
    AuditOptions options;
    options.values_validated = true;  // by the reader, whose warnings come first below
    const auto kept = std::make_shared<const Report>(audit(c.d.labels_view(), p, options));
    const Report& report = *kept;
    MergedWarnings warnings = merge_warnings(c.read_warnings, report.warnings);
    JsValue classes = JsValue::array();
    for (const ClassQuality& q : report.class_quality) classes.push(class_quality_value(q, c.name(q.class_index)));
    // Up to K (K - 1) / 2 pairs: each made while printing.
    const auto& names = c.d.class_names;
    JsValue overlaps = JsValue::generated(report.overlapping_classes.size(), [kept, &names](std::size_t i) {
        const ClassOverlap& x = kept->overlapping_classes[i];
        JsValue o = JsValue::object();
        o.set("class_a", num(x.class_a));
        o.set("class_b", num(x.class_b));
        o.set("name_a", JsValue::string(names[static_cast<std::size_t>(x.class_a)]));
        o.set("name_b", JsValue::string(names[static_cast<std::size_t>(x.class_b)]));
        o.set("num_overlapping_examples", num(static_cast<double>(x.num_overlapping_examples)));
        o.set("joint_probability", num(x.joint_probability));
        return o;
    });
    CommandResult r;
    r.json = JsValue::object();
    r.json.set("n", num(static_cast<double>(c.d.num_examples)));
    r.json.set("k", num(static_cast<double>(c.d.num_classes)));
    r.json.set("overall_label_health_score", num(report.health_score));
    r.json.set("classes", std::move(classes));
    r.json.set("overlapping_classes", std::move(overlaps));
    r.json.set("confident_joint", matrix_of(kept, report.confident_joint));
    r.json.set("noise_matrix", matrix_of(kept, report.latent.noise_matrix));
    r.json.set("inverse_noise_matrix", matrix_of(kept, report.latent.inverse_noise_matrix));
    r.json.set("py", numbers_of(report.latent.py));
    r.json.set("warnings", std::move(warnings.json));
    r.warning_messages = std::move(warnings.messages);
    return r;
}

const char* const FIXED_FIELDS[] = {"rank",
                                    "index",
                                    "row",
                                    "given_label",
                                    "suggested_label",
                                    "label_quality",
                                    "given_probability",
                                    "suggested_probability"};

template <class T>
CommandResult audit_command(const Context& c, ProbsView<T> p) {
    const AuditOptions options = audit_options_of(c.v);
    const LabelsView y = c.d.labels_view();
    const Report report = audit(y, p, options);
    const LabelProbabilities probs = label_probabilities(y, p, report.suggested_label, report.issues);
    // The fields, then the id/text columns of a combined file.
    auto fields = std::make_shared<const std::vector<std::string>>(
        issue_fields(std::begin(FIXED_FIELDS), std::end(FIXED_FIELDS), c.d.extra_columns));
    auto issues = std::make_shared<std::vector<JsValue>>();
    for (std::size_t r = 0; r < report.issues.size(); ++r) {
        const auto i = static_cast<std::size_t>(report.issues[r]);
        JsValue issue = JsValue::object();
        issue.set("rank", num(static_cast<double>(r + 1)));
        issue.set("index", num(static_cast<double>(i)));
        issue.set("row", num(static_cast<double>(i + 1)));  // row N = the N-th data row
        issue.set("given_label", c.name(c.d.labels[i]));
        issue.set("suggested_label", c.name(report.suggested_label[i]));
        issue.set("label_quality", num(report.label_quality[i]));
        issue.set("given_probability", num(probs.given[r]));
        issue.set("suggested_probability", num(probs.suggested[r]));
        set_data_columns(issue, *fields, std::size(FIXED_FIELDS), c.d.extra_columns, i);
        issues->push_back(std::move(issue));
    }
    MergedWarnings warnings = merge_warnings(c.read_warnings, report.warnings);
    JsValue class_names = JsValue::array();
    for (const std::string& name : c.d.class_names) class_names.push(JsValue::string(name));
    JsValue issue_list = JsValue::generated(issues->size(), [issues](std::size_t i) { return (*issues)[i]; });
    CommandResult r;
    r.json = JsValue::object();
    r.json.set("n", num(static_cast<double>(report.num_examples)));
    r.json.set("k", num(static_cast<double>(report.num_classes)));
    r.json.set("class_names", std::move(class_names));
    r.json.set("filter_by", JsValue::string(to_string(options.find.filter_by)));
    r.json.set("rank_by", JsValue::string(options.rank_by ? to_string(options.rank_by->method) : "none"));
    r.json.set("num_issues", num(static_cast<double>(report.issues.size())));
    r.json.set("num_label_issues", num(static_cast<double>(report.num_label_issues)));
    r.json.set("overall_label_health_score", num(report.health_score));
    r.json.set("warnings", std::move(warnings.json));
    r.json.set("issues", std::move(issue_list));
    r.warning_messages = std::move(warnings.messages);
    issues_csv(r, issues, fields);
    return r;
}

template <class T>
CommandResult dispatch(const std::string& command, const Context& c, ProbsView<T> p) {
    if (command == "find-issues") return find_issues(c, p);
    if (command == "scores") return scores(c, p);
    if (command == "health") return health(c, p);
    return audit_command(c, p);
}

}  // namespace

CommandResult run_command(const std::string& command, const io::Dataset& dataset, const Warnings& read_warnings,
                          const Values& values) {
    const Context c{dataset, read_warnings, values};
    if (dataset.is_float32()) return dispatch(command, c, dataset.probs_view_f32());
    return dispatch(command, c, dataset.probs_view());
}

}  // namespace labelscope::cli
