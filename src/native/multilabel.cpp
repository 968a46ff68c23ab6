#include "native/multilabel.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>
#include <optional>

#include "core/labelscope.hpp"
#include "core/multilabel_audit.hpp"
#include "native/command_out.hpp"
#include "native/js_number.hpp"

namespace labelscope::cli {

namespace {

// ---- options, as src/cli/cmd-multilabel.mjs hands them to the bindings (src/wasm/bind_multilabel.cpp) --

MultiLabelFindOptions find_options_of(const Values& v) {
    MultiLabelFindOptions f;
    if (const std::string* name = v.get("filter-by")) f.find.filter_by = parse_filter_by(*name);
    if (v.frac_noise) f.find.frac_noise = *v.frac_noise;
    if (v.min_examples_per_class) f.find.min_examples_per_class = static_cast<std::int64_t>(*v.min_examples_per_class);
    return f;
}

AggregatorOptions aggregator_of(const Values& v) {
    AggregatorOptions a;
    if (const std::string* name = v.get("aggregator")) a.method = parse_aggregator(*name);
    if (v.alpha_none) a.alpha = std::nullopt;
    if (v.alpha) a.alpha = *v.alpha;
    if (v.temperature) a.temperature = *v.temperature;
    validate_aggregator(a);
    return a;
}

// A ranking by the score method `name` ("none": no ranking), with --adjust-pred-probs.
std::optional<ScoreOptions> rank_of(const Values& v, const std::string& name) {
    if (name == "none") return std::nullopt;
    return ScoreOptions{parse_score_method(name), v.has("adjust-pred-probs")};
}

// ---- label sets as text --------------------------------------------------------------------------

// setText(): a set in the labels file's own notation (JSON array, a|b, or a;b).
std::string set_text(const std::vector<std::string>& names, io::SetNotation notation) {
    std::string out;
    if (notation == io::SetNotation::json) {
        for (const std::string& n : names) out += (out.empty() ? "[" : ",") + JsValue::string(n).to_json();
        return out.empty() ? "[]" : out + "]";
    }
    const char* separator = notation == io::SetNotation::pipe ? "|" : ";";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : separator) + names[i];
    return out;
}

JsValue names_value(const std::vector<std::string>& names) {
    JsValue a = JsValue::array();
    for (const std::string& n : names) a.push(JsValue::string(n));
    return a;
}

struct Context {
    const io::MultiLabelDataset& d;
    const Warnings& read_warnings;
    const Values& v;
    std::vector<std::string> names(const std::vector<std::int32_t>& classes) const {
        std::vector<std::string> out;
        for (const std::int32_t c : classes) out.push_back(d.class_names[static_cast<std::size_t>(c)]);
        return out;
    }
};

// One audit row (whatLooksWrong in src/js/multilabel.js): the given set and the classes flagged
// for the example that are not in it (probably missing) or are (probably extra).
struct AuditRow {
    std::size_t example;
    std::vector<std::int32_t> given, missing, extra;
};

std::vector<AuditRow> what_looks_wrong(const MultiLabelReport& report, const io::MultiLabelDataset& d) {
    std::vector<std::vector<std::int32_t>> flagged_for(d.num_examples);
    for (std::size_t k = 0; k < report.class_issues.size(); ++k)
        for (const std::int32_t i : report.class_issues[k])
            flagged_for[static_cast<std::size_t>(i)].push_back(static_cast<std::int32_t>(k));
    std::vector<AuditRow> rows;
    for (const std::int32_t index : report.issues) {
        const auto i = static_cast<std::size_t>(index);
        AuditRow r{i, {}, {}, {}};
        r.given.assign(d.classes.begin() + d.offsets[i], d.classes.begin() + d.offsets[i + 1]);
        for (const std::int32_t k : flagged_for[i])
            (std::find(r.given.begin(), r.given.end(), k) != r.given.end() ? r.extra : r.missing).push_back(k);
        rows.push_back(std::move(r));
    }
    return rows;
}

const char* const FIXED_FIELDS[] = {"rank",           "index",        "row", "given_labels", "probably_missing",
                                    "probably_extra", "label_quality"};

// ---- the commands ----------------------------------------------------------------------------------

struct AuditResult {
    CommandResult result;
    std::shared_ptr<std::vector<JsValue>> issues;
    std::shared_ptr<std::vector<std::array<JsValue, 3>>> sets;  // given, missing, extra as text
};

template <class T>
AuditResult audit_command(const Context& c, ProbsView<T> p) {
    MultiLabelAuditOptions options;
    options.find = find_options_of(c.v);
    options.aggregator = aggregator_of(c.v);
    options.rank_by = rank_of(c.v, flag_or(c.v, "rank-by", "self_confidence"));
    const MultiLabelReport report = audit_multilabel(c.d.labels_view(), p, options);
    auto fields = std::make_shared<const std::vector<std::string>>(  // then the id/text columns
        issue_fields(std::begin(FIXED_FIELDS), std::end(FIXED_FIELDS), c.d.extra_columns));
    auto issues = std::make_shared<std::vector<JsValue>>();
    const std::vector<AuditRow> rows = what_looks_wrong(report, c.d);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::size_t i = rows[r].example;
        JsValue issue = JsValue::object();
        issue.set("rank", num(static_cast<double>(r + 1)));
        issue.set("index", num(static_cast<double>(i)));
        issue.set("row", num(static_cast<double>(i + 1)));  // the N-th data row
        issue.set("given_labels", names_value(c.names(rows[r].given)));
        issue.set("probably_missing", names_value(c.names(rows[r].missing)));
        issue.set("probably_extra", names_value(c.names(rows[r].extra)));
        issue.set("label_quality", num(report.label_quality[i]));
        set_data_columns(issue, *fields, std::size(FIXED_FIELDS), c.d.extra_columns, i);
        issues->push_back(std::move(issue));
    }
    MergedWarnings warnings = merge_warnings(c.read_warnings, report.warnings);
    JsValue issue_list = JsValue::array();
    for (const JsValue& issue : *issues) issue_list.push(issue);
    CommandResult out;
    out.json = JsValue::object();
    out.json.set("n", num(static_cast<double>(report.num_examples)));
    out.json.set("k", num(static_cast<double>(report.num_classes)));
    out.json.set("class_names", names_value(c.d.class_names));
    out.json.set("multi_label", JsValue::boolean(true));
    out.json.set("filter_by", JsValue::string(flag_or(c.v, "filter-by", "prune_by_noise_rate")));
    out.json.set("rank_by", JsValue::string(flag_or(c.v, "rank-by", "self_confidence")));
    out.json.set("num_issues", num(static_cast<double>(issues->size())));
    out.json.set("num_label_issues", num(static_cast<double>(report.num_label_issues)));
    out.json.set("overall_label_health_score", num(report.health.overall_label_health_score));
    out.json.set("warnings", std::move(warnings.json));
    out.json.set("issues", std::move(issue_list));
    out.warning_messages = std::move(warnings.messages);
    // The three sets of each row as text in the file's notation (the only array fields).
    auto sets = std::make_shared<std::vector<std::array<JsValue, 3>>>();
    for (const AuditRow& row : rows)
        sets->push_back({JsValue::string(set_text(c.names(row.given), c.d.notation)),
                         JsValue::string(set_text(c.names(row.missing), c.d.notation)),
                         JsValue::string(set_text(c.names(row.extra), c.d.notation))});
    issues_csv(out, issues, fields, [sets](std::size_t row, const std::string& key) -> const JsValue* {
        if (key == "given_labels") return &(*sets)[row][0];
        if (key == "probably_missing") return &(*sets)[row][1];
        if (key == "probably_extra") return &(*sets)[row][2];
        return nullptr;
    });
    return {std::move(out), issues, sets};
}

template <class T>
CommandResult find_issues(const Context& c, ProbsView<T> p) {
    const MultiLabelsView y = c.d.labels_view();
    const Warnings analysis = validate_multilabel_inputs(y, p, true);
    const MultiLabelFindOptions f = find_options_of(c.v);
    const std::string filter_by = flag_or(c.v, "filter-by", "prune_by_noise_rate");
    CommandResult r;
    r.json = JsValue::object();
    r.json.set("n", num(static_cast<double>(c.d.num_examples)));
    r.json.set("k", num(static_cast<double>(c.d.num_classes)));
    r.json.set("filter_by", JsValue::string(filter_by));
    if (c.v.has("per-class")) {
        // Ranked only when --rank-by names a method; the aggregator does not apply.
        const auto rank = rank_of(c.v, flag_or(c.v, "rank-by", "none"));
        if (rank) validate_score_options(*rank);
        validate_aggregator(AggregatorOptions{});
        auto per_class = std::make_shared<std::vector<IndexList>>(find_multilabel_issues_per_class(y, p, f, rank));
        JsValue lists = JsValue::array();
        for (const IndexList& list : *per_class) lists.push(numbers_of(list));
        MergedWarnings warnings = merge_warnings(c.read_warnings, analysis);
        r.json.set("per_class", std::move(lists));
        r.json.set("warnings", std::move(warnings.json));
        r.warning_messages = std::move(warnings.messages);
        r.csv_header = {JsValue::string("class"), JsValue::string("rank"), JsValue::string("index")};
        auto at = std::make_shared<std::vector<std::pair<std::size_t, std::size_t>>>();  // (class, rank)
        for (std::size_t k = 0; k < per_class->size(); ++k)
            for (std::size_t i = 0; i < (*per_class)[k].size(); ++i) at->emplace_back(k, i);
        r.csv_rows = at->size();
        const Context ctx = c;
        r.csv_row = [ctx, per_class, at](std::size_t row, std::vector<JsValue>& cells) {
            const auto [k, i] = (*at)[row];
            cells[0] = JsValue::string(ctx.d.class_names[k]);
            cells[1] = num(static_cast<double>(i + 1));
            cells[2] = num((*per_class)[k][i]);
        };
        return r;
    }
    const std::string rank_by = flag_or(c.v, "rank-by", "self_confidence");
    const auto rank = rank_of(c.v, rank_by);
    if (rank) validate_score_options(*rank);
    const AggregatorOptions aggregator = aggregator_of(c.v);
    const Mask mask = find_multilabel_label_issues(y, p, f);
    const IndexList indices =
        rank ? find_multilabel_label_issues_ranked(y, p, f, *rank, aggregator) : mask_to_indices(mask);
    MergedWarnings warnings = merge_warnings(c.read_warnings, analysis);
    r.json.set("rank_by", JsValue::string(rank_by));
    r.json.set("num_issues", num(static_cast<double>(indices.size())));
    r.json.set("indices", numbers_of(indices));
    r.json.set("warnings", std::move(warnings.json));
    r.warning_messages = std::move(warnings.messages);
    if (c.v.format != "csv") return r;
    const AuditResult audit = audit_command(c, p);
    for (const char* h : {"rank", "index", "label_quality", "given_labels"}) r.csv_header.push_back(JsValue::string(h));
    r.csv_rows = audit.issues->size();
    const auto issues = audit.issues;
    const auto sets = audit.sets;
    r.csv_row = [issues, sets](std::size_t row, std::vector<JsValue>& cells) {
        const JsValue& issue = (*issues)[row];
        cells[0] = *issue.get("rank");
        cells[1] = *issue.get("index");
        cells[2] = *issue.get("label_quality");
        cells[3] = (*sets)[row][0];
    };
    return r;
}

template <class T>
CommandResult scores(const Context& c, ProbsView<T> p) {
    const Warnings analysis = validate_multilabel_inputs(c.d.labels_view(), p, false);
    const std::string method = flag_or(c.v, "method", "self_confidence");
    const bool adjust = c.v.has("adjust-pred-probs");
    const ScoreOptions options{parse_score_method(method), adjust};
    validate_score_options(options);
    auto values = std::make_shared<std::vector<double>>(
        multilabel_label_quality_scores(c.d.labels_view(), p, options, aggregator_of(c.v)));
    MergedWarnings warnings = merge_warnings(c.read_warnings, analysis);
    CommandResult r;
    r.json = JsValue::object();
    r.json.set("method", JsValue::string(method));
    r.json.set("adjust_pred_probs", JsValue::boolean(adjust));
    r.json.set("aggregator", JsValue::string(flag_or(c.v, "aggregator", "exponential_moving_average")));
    r.json.set("scores", JsValue::numbers(*values));
    r.json.set("warnings", std::move(warnings.json));
    r.warning_messages = std::move(warnings.messages);
    scores_csv(r, values);
    return r;
}

template <class T>
CommandResult health(const Context& c, ProbsView<T> p) {
    const Warnings analysis = validate_multilabel_inputs(c.d.labels_view(), p, true);
    const MultiLabelHealth h = multilabel_health_summary(c.d.labels_view(), p);
    const auto name = [&](std::int32_t k) { return JsValue::string(c.d.class_names[static_cast<std::size_t>(k)]); };
    JsValue classes = JsValue::array();
    for (const ClassQuality& q : h.classes_by_label_quality) classes.push(class_quality_value(q, name(q.class_index)));
    JsValue common = JsValue::array();
    for (const CommonMultiLabelIssue& x : h.common_issues) {
        JsValue o = JsValue::object();
        o.set("class", num(x.class_index));
        o.set("name", name(x.class_index));
        o.set("in_given_label", JsValue::boolean(x.in_given_label));
        o.set("in_suggested_label", JsValue::boolean(x.in_suggested_label));
        o.set("num_examples", num(static_cast<double>(x.num_examples)));
        o.set("issue_probability", num(x.issue_probability));
        common.push(std::move(o));
    }
    MergedWarnings warnings = merge_warnings(c.read_warnings, analysis);
    CommandResult r;
    r.json = JsValue::object();
    r.json.set("n", num(static_cast<double>(c.d.num_examples)));
    r.json.set("k", num(static_cast<double>(c.d.num_classes)));
    r.json.set("overall_label_health_score", num(h.overall_label_health_score));
    r.json.set("classes", std::move(classes));
    r.json.set("common_issues", std::move(common));
    r.json.set("warnings", std::move(warnings.json));
    r.warning_messages = std::move(warnings.messages);
    return r;
}

template <class T>
CommandResult dispatch(const std::string& command, const Context& c, ProbsView<T> p) {
    if (command == "find-issues") return find_issues(c, p);
    if (command == "scores") return scores(c, p);
    if (command == "health") return health(c, p);
    return audit_command(c, p).result;
}

// ---- the hint ------------------------------------------------------------------------------------

// /[;|]|^\s*\[.*,/: a label that looks like a set.
bool looks_like_set(const std::string& label) {
    if (label.find_first_of(";|") != std::string::npos) return true;
    const std::string_view rest = js_trim(label);
    if (rest.empty() || rest[0] != '[') return false;
    const std::size_t start = static_cast<std::size_t>(rest.data() - label.data());
    const std::size_t comma = label.find(',', start), line_end = label.find_first_of("\r\n", start);
    return comma != std::string::npos && (line_end == std::string::npos || comma < line_end);
}

struct Sniffed {
    std::int64_t rows = 0, first_row = 0, column = 0;
};

// sniffLabelSets (src/js/multilabel.js): the labels file (or the combined table) read as sets,
// whole. Unreadable: zeros.
Sniffed sniff_label_sets(const InputFile& f) {
    try {
        io::MultiLabelReader reader;
        reader.begin_file(f.role, f.path, f.size);
        const int fd = ::open(f.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return {};
        std::vector<std::uint8_t> buffer(std::size_t{1} << 20);
        for (;;) {
            const ssize_t n = ::read(fd, buffer.data(), buffer.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            try {
                reader.feed(buffer.data(), static_cast<std::size_t>(n));
            } catch (...) {
                ::close(fd);
                throw;
            }
        }
        ::close(fd);
        reader.end_file();
        const std::int64_t first = reader.first_row_with_several();
        const std::int64_t header_rows = std::max<std::int64_t>(reader.first_data_row(f.path) - 1, 0);
        return {reader.labels_with_several(), first > header_rows ? first - header_rows : 0, reader.labels_column()};
    } catch (const io::ReadError&) {
        return {};
    } catch (const LabelScopeError&) {
        return {};
    }
}

}  // namespace

CommandResult run_multilabel_command(const std::string& command, const io::MultiLabelDataset& dataset,
                                     const Warnings& read_warnings, const Values& values) {
    const Context c{dataset, read_warnings, values};
    if (dataset.is_float32()) return dispatch(command, c, dataset.probs_view_f32());
    return dispatch(command, c, dataset.probs_view());
}

io::ReadError locate_multilabel_error(const LabelScopeError& error, const io::MultiLabelDataset& dataset) {
    io::Dataset where;  // locate_error reads the source map only
    where.source = dataset.source;
    return io::in_data_rows(io::locate_error(error, where), where);
}

io::ReadError multi_label_hint(const io::ReadError& e, const std::vector<InputFile>& files) {
    if (e.code() != "unknown_class" && e.code() != "bad_label") return e;
    const std::string message = e.what();
    const std::string marker = "The label '";
    const std::size_t at = message.find(marker);
    if (at == std::string::npos) return e;
    const std::size_t end = message.find('\'', at + marker.size());
    if (end == std::string::npos) return e;
    const std::string label = message.substr(at + marker.size(), end - at - marker.size());
    if (!looks_like_set(label)) return e;
    Sniffed s;
    for (const InputFile& f : files)
        if (f.role == io::FileRole::labels || f.role == io::FileRole::combined) s = sniff_label_sets(f);
    const std::string count = s.rows > 0 ? js_number(static_cast<double>(s.rows)) + " row" +
                                               (s.rows == 1 ? " has" : "s have") + " more than one label"
                                         : "a label holds a set";
    return io::ReadError(
        "looks_multi_label", "looks multi-label: " + count + " (e.g. '" + label + "'): add --multi-label", e.file(),
        s.rows > 0 && s.first_row > 0 ? s.first_row : e.row(), s.rows > 0 && s.column > 0 ? s.column : e.column());
}

}  // namespace labelscope::cli
