// Bindings for one-vs-rest probabilities of multi-label data (learn/one_vs_rest.hpp): a labelled
// table whose label column holds sets (a;b, a|b or JSON arrays), read in chunks like the
// single-label trainer's tables, then one binary logistic regression per class on shared folds.
#include <algorithm>
#include <memory>
#include <optional>

#include "io/label_sets.hpp"
#include "io/read_error.hpp"
#include "io/table_reader.hpp"
#include "learn/one_vs_rest.hpp"
#include "wasm/learn_out.hpp"
#include "wasm/marshal.hpp"

namespace labelscope::wasm {
namespace {

bool whole_number(const std::string& s) {
    return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The label cells (the table's distinct label values) as sets of classes. Classes are named in
// sorted order (numerically when every name is a whole number); one notation per file.
struct ParsedSets {
    MultiLabels sets;
    std::vector<std::string> class_names;
    io::SetNotation notation = io::SetNotation::none;
    std::int64_t rows_with_several = 0;
};

ParsedSets parse_sets(const io::LabelSet& labels, const std::string& column) {
    ParsedSets out;
    std::vector<std::vector<std::string>> cell_items(labels.class_names.size());
    std::vector<std::string> names;
    std::string error;
    for (std::size_t c = 0; c < labels.class_names.size(); ++c) {
        const std::string& cell = labels.class_names[c];
        const io::SetNotation n = io::notation_of(cell);
        // A table cell cannot be empty: `[]` writes the empty set whatever the file's notation.
        if (n != io::SetNotation::none && cell != "[]") {
            if (out.notation != io::SetNotation::none && n != out.notation)
                throw io::ReadError(io::ReadErrorCode::bad_label,
                                    "The label column '" + column + "' mixes notations: '" + cell + "' is written as " +
                                        io::to_string(n) + " but other sets as " + io::to_string(out.notation) +
                                        ". Write every set the same way.");
            out.notation = n;
        }
        if (!io::split_label_set(cell, n, cell_items[c], error))
            throw io::ReadError(io::ReadErrorCode::bad_label,
                                "The label '" + cell + "' in column '" + column + "': " + error);
        names.insert(names.end(), cell_items[c].begin(), cell_items[c].end());
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    if (std::all_of(names.begin(), names.end(), whole_number))
        std::sort(names.begin(), names.end(),
                  [](const std::string& a, const std::string& b) { return std::stol(a) < std::stol(b); });
    out.class_names = names;
    std::vector<std::vector<std::int32_t>> cell_sets(cell_items.size());
    for (std::size_t c = 0; c < cell_items.size(); ++c) {
        for (const auto& item : cell_items[c]) {
            const auto k = static_cast<std::int32_t>(std::find(names.begin(), names.end(), item) - names.begin());
            if (std::find(cell_sets[c].begin(), cell_sets[c].end(), k) == cell_sets[c].end()) cell_sets[c].push_back(k);
        }
        std::sort(cell_sets[c].begin(), cell_sets[c].end());
    }
    for (const std::int32_t y : labels.labels) {
        const auto& s = cell_sets[static_cast<std::size_t>(y)];
        out.sets.add(s.begin(), s.end());
        out.rows_with_several += s.size() > 1 ? 1 : 0;
    }
    return out;
}

class MultiLabelFeatureReader {
public:
    explicit MultiLabelFeatureReader(val o) {
        options_.label_column = str(o, "labelColumn", "");
        options_.features = strings_in(o, "features");
        options_.text_column = str(o, "textColumn", "");
        options_.impute = flag(o, "impute", false);
    }

    val beginFile(std::string name, double total_bytes) {
        return guarded([&] {
            table_ = std::make_unique<io::TableReader>(options_);
            table_->begin_file(name, static_cast<std::uint64_t>(total_bytes));
            return val::object();
        });
    }

    val feed(val bytes) {
        return guarded([&] {
            const std::vector<std::uint8_t> chunk = copy_in<std::uint8_t>(bytes);
            table_->feed(chunk.data(), chunk.size());
            return val::object();
        });
    }

    val endFile() {
        return guarded([&] {
            table_->end_file();
            return val::object();
        });
    }

    // options: {folds, seed, c, balancedClassWeight, maxIterations, tolerance}; progress(foldsDone,
    // numFolds) -> false cancels. Returns the probabilities with the sets read and the class names.
    val crossVal(val o, val progress) {
        val result = guarded([&] {
            learn::CrossValOptions x;
            x.folds = static_cast<int>(num(o, "folds", 5));
            x.seed = static_cast<std::uint64_t>(num(o, "seed", 0));
            if (has(o, "c")) x.c = num(o, "c", 1.0);
            x.balanced_class_weight = flag(o, "balancedClassWeight", false);
            x.max_iterations = static_cast<int>(num(o, "maxIterations", x.max_iterations));
            x.tolerance = num(o, "tolerance", x.tolerance);
            if (!table_) return error_out("missing_file", "One-vs-rest cross-validation needs a labelled table.");
            io::FeatureTable table = table_->finish();
            file_ = table.file;
            const ParsedSets parsed = parse_sets(table.labels, table.label_column);
            learn::TableColumns cols;
            for (auto& f : table.numeric) cols.numeric.push_back({f.name, std::move(f.values)});
            for (auto& f : table.categorical)
                cols.categorical.push_back({f.name, std::move(f.codes), std::move(f.levels)});
            for (auto& f : table.text) cols.text.push_back({f.name, std::move(f.texts)});
            learn::FeatureOptions fo;
            fo.missing = options_.impute ? learn::Missing::mean : learn::Missing::error;
            learn::FeatureReport report;
            const learn::Features features = learn::features_from_table(cols, fo, &report);
            const bool call = !progress.isUndefined() && !progress.isNull();
            const learn::Progress report_progress = [&](int done, int total) {
                return !call || progress(done, total).as<bool>();
            };
            const learn::CrossValResult r = learn::one_vs_rest_probs(
                features, parsed.sets.view(), static_cast<int>(parsed.class_names.size()), x, report_progress);
            val res = cross_val_out(r);
            res.set("classNames", strings_out(parsed.class_names));
            res.set("offsets", out(parsed.sets.offsets));
            res.set("classes", out(parsed.sets.classes));
            res.set("notation", std::string(io::to_string(parsed.notation)));
            res.set("rowsWithSeveral", static_cast<double>(parsed.rows_with_several));
            res.set("labelColumn", table.label_column);
            res.set("features", feature_report_out(report, features));
            return res;
        });
        if (has(result, "error") && result["error"]["file"].isUndefined() && !file_.empty())
            result["error"].set("file", file_);
        return result;
    }

private:
    io::TableOptions options_;
    std::unique_ptr<io::TableReader> table_;
    std::string file_;
};

}  // namespace
}  // namespace labelscope::wasm

EMSCRIPTEN_BINDINGS(labelscope_one_vs_rest) {
    using namespace emscripten;
    using namespace labelscope::wasm;
    class_<MultiLabelFeatureReader>("MultiLabelFeatureReader")
        .constructor<val>()
        .function("beginFile", &MultiLabelFeatureReader::beginFile)
        .function("feed", &MultiLabelFeatureReader::feed)
        .function("endFile", &MultiLabelFeatureReader::endFile)
        .function("crossVal", &MultiLabelFeatureReader::crossVal);
}
