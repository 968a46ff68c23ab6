// Golden parity of the multi-label functions (docs/ALGORITHMS.md §13) with every recorded output of the
// multi-label cases in tests/fixtures/golden (meta.multilabel = true). Same Checker, same
// tolerances as the single-label suite (compare.hpp): exact for indices, counts and tables' integer
// columns, 1e-12 relative for + - * / values, 1e-10 for log/exp ones (CWE, softmin).
#include <doctest/doctest.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/filter.hpp"
#include "core/multilabel.hpp"
#include "core/scores.hpp"
#include "parity/checker.hpp"
#include "parity/golden_case.hpp"
#include "parity/multilabel_cases.hpp"

namespace parity {
namespace {

using labelscope::AggregatorMethod;
using labelscope::AggregatorOptions;
using labelscope::MultiLabelFindOptions;
using labelscope::ScoreOptions;

struct MultiLabelCase {
    GoldenCase gc;  // labels left empty; n, k, probs, expected filled
    labelscope::MultiLabels labels;
    labelscope::MultiLabelsView view() const { return labels.view(); }
};

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

// labels.csv: header `labels`, each line `a;b;c`, the empty set written as `""` (docs/ALGORITHMS.md §17).
MultiLabelCase load_multilabel_case(const std::string& name) {
    MultiLabelCase c;
    c.gc.name = name;
    c.gc.dir = golden_dir() + "/" + name;
    c.gc.expected = nlohmann::json::parse(read_text(c.gc.dir + "/expected.json"));
    const std::string labels_path = c.gc.dir + "/labels.csv";
    const auto label_lines = lines_of(read_text(labels_path));
    if (label_lines.empty() || label_lines[0] != "labels")
        throw std::runtime_error(labels_path + ":1: header must be exactly 'labels' (multi-label case)");
    for (std::size_t i = 1; i < label_lines.size(); ++i) {
        const std::string& s = label_lines[i];
        std::vector<std::int32_t> set;
        if (s != "\"\"" && !s.empty())
            for (const auto& field : split(s, ';')) {
                char* end = nullptr;
                const long v = std::strtol(field.c_str(), &end, 10);
                if (field.empty() || *end != '\0' || v < 0)
                    throw std::runtime_error(labels_path + ":" + std::to_string(i + 1) + ": bad class '" + field + "'");
                set.push_back(static_cast<std::int32_t>(v));
            }
        c.labels.add(set.begin(), set.end());
    }
    const std::string probs_path = c.gc.dir + "/pred_probs.csv";
    const auto prob_lines = lines_of(read_text(probs_path));
    if (prob_lines.size() < 2) throw std::runtime_error(probs_path + ": no data");
    c.gc.k = split(prob_lines[0], ',').size();
    for (std::size_t i = 1; i < prob_lines.size(); ++i) {
        const auto fields = split(prob_lines[i], ',');
        if (fields.size() != c.gc.k)
            throw std::runtime_error(probs_path + ":" + std::to_string(i + 1) + ": ragged row");
        for (const auto& f : fields) {
            char* end = nullptr;
            c.gc.probs.push_back(std::strtod(f.c_str(), &end));
            if (f.empty() || *end != '\0')
                throw std::runtime_error(probs_path + ":" + std::to_string(i + 1) + ": not a number '" + f + "'");
        }
    }
    c.gc.n = prob_lines.size() - 1;
    const auto& meta = c.gc.expected.at("meta");
    if (!meta.at("multilabel").get<bool>()) throw std::runtime_error(name + ": meta.multilabel is false");
    if (meta.at("N").get<std::size_t>() != c.gc.n || meta.at("K").get<std::size_t>() != c.gc.k ||
        c.labels.size() != c.gc.n)
        throw std::runtime_error(name + ": meta N/K do not match the CSV files");
    return c;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

double rel_for(labelscope::ScoreMethod m) {
    return m == labelscope::ScoreMethod::confidence_weighted_entropy ? REL_LOGEXP : REL_ARITH;
}

Cmp compare_mask(const json& expected, const labelscope::Mask& mask) {
    return compare_index_list(expected, labelscope::mask_to_indices(mask));
}

class MultiLabelChecks {
public:
    MultiLabelChecks(Checker& c, const MultiLabelCase& mc) : c_(c), mc_(mc) {}

    void run() {
        filters();
        ranked();
        variants();
        per_class();
        scores();
        counts();
        dataset();
    }

private:
    Checker& c_;
    const MultiLabelCase& mc_;

    labelscope::ProbsView<double> probs() const { return mc_.gc.probs_view(); }

    Cmp ranked_cmp(const json& expected, const labelscope::IndexList& actual, ScoreOptions rank_by,
                   const AggregatorOptions& agg = {}) {
        if (rank_by.method != labelscope::ScoreMethod::confidence_weighted_entropy)
            return compare_index_list(expected, actual);
        const auto s = labelscope::multilabel_label_quality_scores(mc_.view(), probs(), rank_by, agg);
        return compare_ranked_by_scores(expected, actual, s, REL_LOGEXP);
    }

    void filters() {
        const std::string base = "/find_label_issues";
        for (const auto& key : c_.keys(base))
            c_.check(child(base, key), [&](const json& e) {
                MultiLabelFindOptions o;
                o.find.filter_by = labelscope::parse_filter_by(key);
                return compare_mask(e, labelscope::find_multilabel_label_issues(mc_.view(), probs(), o));
            });
    }

    static ScoreOptions ranked_key(const std::string& key) {
        ScoreOptions o;
        std::string method = key;
        if (ends_with(key, "__adjust_pred_probs")) {
            method = key.substr(0, key.size() - std::string("__adjust_pred_probs").size());
            o.adjust_pred_probs = true;
        }
        o.method = labelscope::parse_score_method(method);
        return o;
    }

    void ranked() {
        const std::string base = "/find_label_issues_ranked";
        for (const auto& key : c_.keys(base))
            c_.check(child(base, key), [&](const json& e) {
                const ScoreOptions rank_by = ranked_key(key);
                return ranked_cmp(e, labelscope::find_multilabel_label_issues_ranked(mc_.view(), probs(), {}, rank_by),
                                  rank_by);
            });
    }

    // Variant names: "<filter_by>" followed by "__frac_noise_<f>", "__min_examples_per_class_<n>" or
    // "__ranked_<method>" parts. Anything else fails as not understood.
    void variants() {
        const std::string base = "/find_label_issues_variants";
        for (const auto& key : c_.keys(base)) {
            c_.check(child(base, key), [&](const json& e) {
                const auto parts = split_variant(key);
                MultiLabelFindOptions o;
                o.find.filter_by = labelscope::parse_filter_by(parts[0]);
                std::optional<ScoreOptions> rank_by;
                for (std::size_t p = 1; p < parts.size(); ++p) {
                    const std::string& part = parts[p];
                    if (part.rfind("frac_noise_", 0) == 0)
                        o.find.frac_noise = std::stod(part.substr(11));
                    else if (part.rfind("min_examples_per_class_", 0) == 0)
                        o.find.min_examples_per_class = std::stoll(part.substr(23));
                    else if (part.rfind("ranked_", 0) == 0)
                        rank_by = ScoreOptions{labelscope::parse_score_method(part.substr(7)), false};
                    else
                        throw std::runtime_error("variant part not understood by the harness: " + part);
                }
                if (rank_by)
                    return ranked_cmp(
                        e, labelscope::find_multilabel_label_issues_ranked(mc_.view(), probs(), o, *rank_by), *rank_by);
                return compare_mask(e, labelscope::find_multilabel_label_issues(mc_.view(), probs(), o));
            });
        }
    }

    static std::vector<std::string> split_variant(const std::string& key) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (;;) {
            const std::size_t at = key.find("__", start);
            out.push_back(key.substr(start, at == std::string::npos ? std::string::npos : at - start));
            if (at == std::string::npos) return out;
            start = at + 2;
        }
    }

    void per_class() {
        const std::string base = "/find_multilabel_issues_per_class";
        for (const auto& key : c_.keys(base))
            c_.check(child(base, key), [&](const json& e) {
                MultiLabelFindOptions o;
                o.find.filter_by = labelscope::parse_filter_by(key);
                const auto lists = labelscope::find_multilabel_issues_per_class(mc_.view(), probs(), o);
                Cmp r;
                if (!e.is_array() || e.size() != lists.size()) return Cmp{"expected one list per class", 0};
                for (std::size_t k = 0; k < lists.size() && r.ok(); ++k) {
                    Cmp one = compare_index_list(e[k], lists[k]);
                    r.values += one.values;
                    if (!one.ok()) r.error = "class " + std::to_string(k) + ": " + one.error;
                }
                return r;
            });
    }

    void scores() {
        const std::string base = "/label_quality_scores";
        for (const auto& method : c_.keys(base))
            for (const auto& adjust : c_.keys(child(base, method)))
                c_.check(child(child(base, method), adjust), [&](const json& e) {
                    ScoreOptions o{labelscope::parse_score_method(method), adjust == "adjust_pred_probs_true"};
                    if (!o.adjust_pred_probs && adjust != "adjust_pred_probs_false")
                        throw std::runtime_error("key not understood: " + adjust);
                    return compare_real_vector(e, labelscope::multilabel_label_quality_scores(mc_.view(), probs(), o),
                                               rel_for(o.method));
                });
        const std::string agg = "/label_quality_scores_other_aggregators";
        for (const auto& key : c_.keys(agg))
            c_.check(child(agg, key), [&](const json& e) {
                const auto parts = split_variant(key);
                if (parts.size() != 2) throw std::runtime_error("key not understood: " + key);
                ScoreOptions o{labelscope::parse_score_method(parts[0]), false};
                AggregatorOptions a;
                double rel = rel_for(o.method);
                if (parts[1].rfind("softmin_t", 0) == 0) {
                    a.method = AggregatorMethod::softmin;
                    a.temperature = std::stod(parts[1].substr(9));
                    rel = REL_LOGEXP;
                } else if (parts[1] == "ema_alpha_default_none") {
                    a.alpha = std::nullopt;
                } else if (parts[1].rfind("ema_alpha", 0) == 0) {
                    a.alpha = std::stod(parts[1].substr(9));
                } else {
                    throw std::runtime_error("aggregator not understood by the harness: " + parts[1]);
                }
                return compare_real_vector(e, labelscope::multilabel_label_quality_scores(mc_.view(), probs(), o, a),
                                           rel);
            });
        const std::string pc = "/label_quality_scores_per_class";
        for (const auto& method : c_.keys(pc))
            c_.check(child(pc, method), [&](const json& e) {
                const ScoreOptions o{labelscope::parse_score_method(method), false};
                return compare_real_matrix(
                    e, labelscope::multilabel_label_quality_scores_per_class(mc_.view(), probs(), o),
                    rel_for(o.method));
            });
    }

    static Cmp compare_joints(const json& e, const std::vector<labelscope::CountMatrix>& a) {
        if (!e.is_array() || e.size() != a.size()) return {"expected one 2 x 2 matrix per class", 0};
        Cmp r;
        for (std::size_t k = 0; k < a.size() && r.ok(); ++k) {
            Cmp one = compare_count_matrix(e[k], a[k]);
            r.values += one.values;
            if (!one.ok()) r.error = "class " + std::to_string(k) + ": " + one.error;
        }
        return r;
    }

    void counts() {
        c_.check("/confident_joint_multilabel/calibrated", [&](const json& e) {
            return compare_joints(e, labelscope::multilabel_compute_confident_joint(mc_.view(), probs()).calibrated);
        });
        c_.check("/confident_joint_multilabel/uncalibrated", [&](const json& e) {
            return compare_joints(e, labelscope::multilabel_compute_confident_joint(mc_.view(), probs()).uncalibrated);
        });
        c_.check("/confident_thresholds_multilabel", [&](const json& e) {
            return compare_real_matrix(e, labelscope::multilabel_confident_thresholds(mc_.view(), probs()), REL_ARITH);
        });
        c_.check("/estimate_joint_multilabel", [&](const json& e) {
            const auto q = labelscope::multilabel_estimate_joint(mc_.view(), probs());
            if (!e.is_array() || e.size() != q.size()) return Cmp{"expected one 2 x 2 matrix per class", 0};
            Cmp r;
            for (std::size_t k = 0; k < q.size() && r.ok(); ++k) {
                Cmp one = compare_real_matrix(e[k], q[k], REL_ARITH);
                r.values += one.values;
                if (!one.ok()) r.error = "class " + std::to_string(k) + ": " + one.error;
            }
            return r;
        });
        c_.check("/num_label_issues_multilabel", [&](const json& e) {
            return compare_int(e, labelscope::multilabel_num_label_issues(mc_.view(), probs()));
        });
    }

    void dataset() {
        const auto health = labelscope::multilabel_health_summary(mc_.view(), probs());
        c_.check("/multilabel_dataset/overall_multilabel_health_score",
                 [&](const json& e) { return compare_real(e, health.overall_label_health_score, REL_ARITH); });
        c_.check("/multilabel_dataset/rank_classes_by_multilabel_quality", [&](const json& e) {
            return compare_class_quality_table(e, health.classes_by_label_quality, REL_ARITH);
        });
        c_.check("/multilabel_dataset/common_multilabel_issues",
                 [&](const json& e) { return compare_common_issues(e, health.common_issues); });
        // The audit must give the same health tables as the standalone call.
        const auto report = labelscope::audit_multilabel(mc_.view(), probs());
        CHECK(report.health.overall_label_health_score == health.overall_label_health_score);
        CHECK(same_table(report.health.classes_by_label_quality, health.classes_by_label_quality));
    }
};

}  // namespace

Cmp compare_common_issues(const json& expected, const std::vector<labelscope::CommonMultiLabelIssue>& actual) {
    if (!expected.is_array() || expected.size() != actual.size())
        return {"expected " + std::to_string(expected.size()) + " rows, got " + std::to_string(actual.size()), 0};
    Cmp r;
    for (std::size_t i = 0; i < actual.size() && r.ok(); ++i) {
        const json& e = expected[i];
        const auto& a = actual[i];
        if (e.size() != 5) return {"row " + std::to_string(i) + ": expected exactly 5 columns", 0};
        r.values += 5;
        if (e.at("Class Index").get<std::int64_t>() != a.class_index ||
            e.at("In Given Label").get<bool>() != a.in_given_label ||
            e.at("In Suggested Label").get<bool>() != a.in_suggested_label ||
            e.at("Num Examples").get<std::int64_t>() != a.num_examples ||
            !reals_match(json_real(e.at("Issue Probability")), a.issue_probability, REL_ARITH))
            r.error = "row " + std::to_string(i) + ": expected " + e.dump() + ", got class " +
                      std::to_string(a.class_index) + " given " + std::to_string(a.in_given_label) + " suggested " +
                      std::to_string(a.in_suggested_label) + " n " + std::to_string(a.num_examples) + " p " +
                      fmt(a.issue_probability);
    }
    return r;
}

void run_multilabel_case(const std::string& name) {
    INFO("golden case " << name);
    MultiLabelCase mc;
    try {
        mc = load_multilabel_case(name);
    } catch (const std::exception& e) {
        FAIL("[" << name << "] cannot load the fixture: " << std::string(e.what()));
    }
    Checker c(mc.gc);
    MultiLabelChecks(c, mc).run();
    c.finish();
    MESSAGE("[" << name << "] " << c.count().outputs << " golden outputs checked (" << c.count().values << " values)");
}

TEST_CASE("golden parity: multilabel_tiny_k3") { run_multilabel_case("multilabel_tiny_k3"); }

}  // namespace parity
