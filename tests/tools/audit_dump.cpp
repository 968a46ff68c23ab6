// labelscope_audit_dump: the native side of tests/js/native-vs-wasm.test.mjs.
//
//   labelscope_audit_dump [--float32] [--options JSON] [--ood] LABELS PRED_PROBS
//
// Reads the two files (CSV, TSV or .npy) through io::DatasetReader in 1 MiB chunks, as the JS API's
// readDataset does, runs audit() and prints the Report as one JSON object in exactly the shape of
// the JS API's audit() result (same keys, same order, typed arrays as arrays). Every double is
// printed with %.17g, so it reads back as the same bits; non-finite values are the strings "NaN",
// "Infinity", "-Infinity". --options takes the JS API's audit options (camelCase, cleanlab's values).
// --ood prints the out-of-distribution scores instead: {"entropy": [...], "least_confidence": [...],
// "gen": [...]}, adjusted unless the options say "adjustPredProbs": false (as the JS API's
// outOfDistributionScores). A bad input or option prints {"error": {"code", "message"}} and exits
// with status 2.
// The JS result is what src/wasm/bindings.cpp (report_out) builds; keep the two in step.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "core/label_probabilities.hpp"
#include "core/labelscope.hpp"
#include "io/dataset_reader.hpp"

using namespace labelscope;

namespace {

// ---- JSON writing --------------------------------------------------------------------------------

class Out {
public:
    void raw(const std::string& s) { text_ += s; }
    void key(const char* k) {
        comma();
        str(k);
        text_ += ':';
        fresh_ = true;
    }
    void str(const std::string& s) {
        text_ += '"';
        for (unsigned char c : s) {
            if (c == '"' || c == '\\') {
                text_ += '\\';
                text_ += static_cast<char>(c);
            } else if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                text_ += buf;
            } else {
                text_ += static_cast<char>(c);
            }
        }
        text_ += '"';
    }
    void num(double v) {
        if (std::isnan(v)) return str("NaN");
        if (std::isinf(v)) return str(v > 0 ? "Infinity" : "-Infinity");
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        text_ += buf;
    }
    void num(std::int64_t v) { text_ += std::to_string(v); }
    void num(std::int32_t v) { text_ += std::to_string(v); }
    void num(std::uint8_t v) { text_ += std::to_string(v); }
    void begin(char c) {
        comma();
        text_ += c;
        fresh_ = true;
    }
    void end(char c) {
        text_ += c;
        fresh_ = false;
    }
    // An element of an array (key() handles object members).
    template <class T>
    void item(T v) {
        comma();
        num(v);
    }
    template <class T>
    void field(const char* k, T v) {
        key(k);
        num(v);
        fresh_ = false;
    }
    void field(const char* k, const std::string& v) {
        key(k);
        str(v);
        fresh_ = false;
    }
    template <class T>
    void list(const char* k, const std::vector<T>& v) {
        key(k);
        begin('[');
        for (const T& x : v) item(x);
        end(']');
    }
    template <class T>
    void rows(const char* k, const Matrix<T>& m) {
        key(k);
        begin('[');
        for (std::size_t r = 0; r < m.rows; ++r) {
            begin('[');
            // The JS API hands every matrix entry over as a double.
            for (std::size_t c = 0; c < m.cols; ++c) item(static_cast<double>(m(r, c)));
            end(']');
        }
        end(']');
    }
    const std::string& text() const { return text_; }

private:
    void comma() {
        if (!fresh_) text_ += ',';
        fresh_ = false;
    }
    std::string text_;
    bool fresh_ = true;
};

template <class T>
void write_report(Out& o, const Report& rep, const AuditOptions& a, LabelsView y, ProbsView<T> p) {
    const LabelProbabilities probs = label_probabilities(y, p, rep.suggested_label);
    o.begin('{');
    o.field("numExamples", static_cast<std::int64_t>(rep.num_examples));
    o.field("numClasses", static_cast<std::int64_t>(rep.num_classes));
    o.field("filterBy", std::string(to_string(a.find.filter_by)));
    o.field("rankBy", a.rank_by ? std::string(to_string(a.rank_by->method)) : std::string("none"));
    o.list("issues", rep.issues);
    o.list("isLabelIssue", rep.is_label_issue);
    o.list("labelQuality", rep.label_quality);
    o.list("suggestedLabel", rep.suggested_label);
    o.list("confidentJointLabel", rep.confident_joint_label);
    o.list("predictedLabel", rep.predicted_label);
    o.list("givenProbability", probs.given);
    o.list("suggestedProbability", probs.suggested);
    o.list("labelCounts", rep.label_counts);
    o.list("thresholds", rep.thresholds);
    o.rows("confidentJoint", rep.confident_joint);
    o.rows("confidentJointUncalibrated", rep.confident_joint_uncalibrated);
    o.rows("joint", rep.joint);
    o.list("py", rep.latent.py);
    o.rows("noiseMatrix", rep.latent.noise_matrix);
    o.rows("inverseNoiseMatrix", rep.latent.inverse_noise_matrix);
    o.field("numLabelIssues", rep.num_label_issues);
    o.field("healthScore", rep.health_score);
    o.key("classQuality");
    o.begin('[');
    for (const ClassQuality& q : rep.class_quality) {
        o.begin('{');
        o.field("classIndex", q.class_index);
        o.field("labelIssues", q.label_issues);
        o.field("inverseLabelIssues", q.inverse_label_issues);
        o.field("labelNoise", q.label_noise);
        o.field("inverseLabelNoise", q.inverse_label_noise);
        o.field("labelQualityScore", q.label_quality_score);
        o.end('}');
    }
    o.end(']');
    o.key("overlappingClasses");
    o.begin('[');
    for (const ClassOverlap& v : rep.overlapping_classes) {
        o.begin('{');
        o.field("classA", v.class_a);
        o.field("classB", v.class_b);
        o.field("numOverlappingExamples", v.num_overlapping_examples);
        o.field("jointProbability", v.joint_probability);
        o.end('}');
    }
    o.end(']');
    o.key("warnings");
    o.begin('[');
    for (const Warning& w : rep.warnings) {
        o.begin('{');
        o.field("code", std::string(to_string(w.code)));
        o.field("message", w.message);
        o.field("count", w.count);
        o.field("example", w.first_example);
        o.field("classIndex", w.class_index);
        o.end('}');
    }
    o.end(']');
    o.end('}');
}

// ---- options: the JS API's audit options, read as bindings.cpp reads them ------------------------

AuditOptions audit_options(const nlohmann::json& j, std::vector<std::int64_t>& remove) {
    static const char* known[] = {"filterBy", "fracNoise",       "numToRemovePerClass", "minExamplesPerClass",
                                  "rankBy",   "adjustPredProbs", "asymmetric"};
    for (const auto& item : j.items()) {
        bool ok = false;
        for (const char* k : known) ok = ok || item.key() == k;
        if (!ok)
            throw LabelScopeError(ErrorCode::invalid_option, "audit_dump: unsupported option '" + item.key() + "'.");
    }
    const auto get = [&](const char* k) -> const nlohmann::json* {
        return j.contains(k) && !j.at(k).is_null() ? &j.at(k) : nullptr;
    };
    AuditOptions a;
    if (auto v = get("filterBy")) a.find.filter_by = parse_filter_by(v->get<std::string>());
    if (auto v = get("fracNoise")) a.find.frac_noise = v->get<double>();
    if (auto v = get("minExamplesPerClass"))
        a.find.min_examples_per_class = static_cast<std::int64_t>(v->get<double>());
    if (auto v = get("numToRemovePerClass"))
        for (const auto& x : *v) remove.push_back(static_cast<std::int64_t>(x.get<double>()));
    a.find.num_to_remove_per_class = remove;
    const bool adjust = get("adjustPredProbs") ? get("adjustPredProbs")->get<bool>() : false;
    a.rank_by = ScoreOptions{ScoreMethod::self_confidence, adjust};
    if (auto v = get("rankBy")) {
        const std::string m = v->get<std::string>();
        a.rank_by =
            m == "none" ? std::nullopt : std::optional<ScoreOptions>(ScoreOptions{parse_score_method(m), adjust});
    }
    if (auto v = get("asymmetric")) a.asymmetric_overlap = v->get<bool>();
    return a;
}

// ---- files ---------------------------------------------------------------------------------------

void read_file(io::DatasetReader& reader, io::FileRole role, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    in.seekg(0);
    const std::string name = path.substr(path.find_last_of('/') + 1);
    reader.begin_file(role, name, size);
    std::vector<char> chunk(1 << 20);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got > 0) reader.feed(reinterpret_cast<const std::uint8_t*>(chunk.data()), got);
    }
    reader.end_file();
}

int fail(const std::string& code, const std::string& message) {
    Out o;
    o.begin('{');
    o.key("error");
    o.begin('{');
    o.field("code", code);
    o.field("message", message);
    o.end('}');
    o.end('}');
    std::cout << o.text() << '\n';
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    bool float32 = false, ood = false;
    std::string options = "{}";
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--float32") {
            float32 = true;
        } else if (a == "--ood") {
            ood = true;
        } else if (a == "--options" && i + 1 < argc) {
            options = argv[++i];
        } else if (a.rfind("--", 0) == 0) {
            std::cerr << "unknown option " << a << '\n';
            return 64;
        } else {
            files.push_back(a);
        }
    }
    if (files.size() != 2) {
        std::cerr << "usage: labelscope_audit_dump [--float32] [--options JSON] [--ood] LABELS PRED_PROBS\n";
        return 64;
    }
    try {
        std::vector<std::int64_t> remove;
        const AuditOptions a = audit_options(nlohmann::json::parse(options), remove);
        io::ReadOptions r;
        r.float32 = float32;
        io::DatasetReader reader(r);
        read_file(reader, io::FileRole::labels, files[0]);
        read_file(reader, io::FileRole::pred_probs, files[1]);
        const io::Dataset d = reader.finish();
        io::validate_dataset(d, false);
        Out o;
        if (ood) {
            const auto json = nlohmann::json::parse(options);
            OodOptions opts;
            opts.adjust_pred_probs = json.value("adjustPredProbs", true);
            const LabelsView y = d.labels_view();
            o.begin('{');
            for (const char* method : {"entropy", "least_confidence", "gen"}) {
                opts.method = parse_ood_method(method);
                o.list(method, d.is_float32() ? out_of_distribution_scores(d.probs_view_f32(), &y, opts)
                                              : out_of_distribution_scores(d.probs_view(), &y, opts));
            }
            o.end('}');
        } else if (d.is_float32()) {
            write_report(o, audit(d.labels_view(), d.probs_view_f32(), a), a, d.labels_view(), d.probs_view_f32());
        } else {
            write_report(o, audit(d.labels_view(), d.probs_view(), a), a, d.labels_view(), d.probs_view());
        }
        std::cout << o.text() << '\n';
        return 0;
    } catch (const LabelScopeError& e) {
        return fail(to_string(e.code()), e.what());
    } catch (const io::ReadError& e) {
        return fail(e.code(), e.what());
    } catch (const std::exception& e) {
        return fail("internal_error", e.what());
    }
}
