// Bindings for one-vs-rest probabilities of multi-label data (learn/one_vs_rest.hpp): a labelled
// table whose label column holds sets (a;b, a|b or JSON arrays), read in chunks or as whole
// columns (Parquet, read in JS), or a labels file of sets beside an N x D features file (.npy or
// numeric CSV), as the single-label trainer reads them; then one binary logistic regression per
// class on shared folds.
#include <algorithm>
#include <memory>
#include <optional>

#include "io/dense_reader.hpp"
#include "io/label_sets.hpp"
#include "io/multilabel_parts.hpp"
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

// where: "column 'tags'" of a table, or "the labels file" (for messages).
ParsedSets parse_sets(const io::LabelSet& labels, const std::string& where) {
    ParsedSets out;
    std::vector<std::vector<std::string>> cell_items(labels.class_names.size());
    std::vector<std::string> names;
    std::string error;
    for (std::size_t c = 0; c < labels.class_names.size(); ++c) {
        const std::string& cell = labels.class_names[c];
        const io::SetNotation n = io::notation_of(cell);
        // `[]` (or an empty cell) writes the empty set whatever the file's notation.
        if (n != io::SetNotation::none && cell != "[]") {
            if (out.notation != io::SetNotation::none && n != out.notation)
                throw io::ReadError(io::ReadErrorCode::bad_label,
                                    "The labels in " + where + " mix notations: '" + cell + "' is written as " +
                                        io::to_string(n) + " but other sets as " + io::to_string(out.notation) +
                                        ". Write every set the same way.");
            out.notation = n;
        }
        if (!io::split_label_set(cell, n, cell_items[c], error))
            throw io::ReadError(io::ReadErrorCode::bad_label, "The label '" + cell + "' in " + where + ": " + error);
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

// A labels file of sets read as sets (io/multilabel_sets_csv.cpp), so an empty line is the empty
// set as [] is; a .npy of class indices goes through the single-label reader (one class a row).
struct SetsLabelsFile {
    std::string name;
    std::uint64_t total = 0;
    std::string head;
    std::unique_ptr<io::LabelsReader> npy;
    io::LabelSetColumn sets;
    std::unique_ptr<io::FileParser> csv;
    std::vector<io::TextColumn> extra;
    std::int64_t first_row = 1, column = 1;
    std::vector<std::string> class_columns;
    std::size_t trailing_blanks = 0;

    void choose(const std::uint8_t* data, std::size_t size) {
        if (io::starts_npy(data, size)) {
            npy = std::make_unique<io::LabelsReader>();
            npy->begin_file(name, total);
            if (size > 0) npy->feed(data, size);
        } else {
            csv = io::make_label_sets_csv(name, sets, extra, first_row, column, class_columns, trailing_blanks);
            if (size > 0) csv->feed(data, size);
        }
    }
    void feed(const std::uint8_t* data, std::size_t size) {
        if (npy) return npy->feed(data, size);
        if (csv) return in_data_rows([&] { csv->feed(data, size); });
        head.append(reinterpret_cast<const char*>(data), size);
        if (head.size() >= 6) in_data_rows([&] { flush(); });
    }
    // The sets parser counts file rows; people count data rows (the header is not one).
    template <class F>
    void in_data_rows(F&& f) {
        try {
            f();
        } catch (const io::ReadError& e) {
            throw io::in_data_rows(e, first_row);
        }
    }
    void flush() {
        std::string held;
        held.swap(head);
        choose(reinterpret_cast<const std::uint8_t*>(held.data()), held.size());
    }
    void end_file() {
        if (!npy && !csv) in_data_rows([&] { flush(); });
        if (npy) return npy->end_file();
        in_data_rows([&] { csv->finish(); });
    }
};

// The sets of a labels file, classes named after their tokens in sorted order (numerically when
// every name is a whole number), as parse_sets names a table's. `rows`: the features' row count,
// so that blank lines at the end of the file are not examples when they would be too many.
ParsedSets sets_of_file(SetsLabelsFile& f, std::size_t rows) {
    if (f.npy) return parse_sets(f.npy->finish(), "the labels file");
    if (f.sets.size() > rows) f.sets.drop_last(std::min(f.trailing_blanks, f.sets.size() - rows));
    ParsedSets out;
    const io::LabelColumn& tokens = f.sets.tokens();
    std::string unknown;
    std::int64_t unknown_row = 0;
    std::vector<std::int32_t> offsets, classes;
    if (tokens.by_name()) {
        std::vector<std::string> names = tokens.names();
        std::sort(names.begin(), names.end());
        if (std::all_of(names.begin(), names.end(), whole_number))
            std::sort(names.begin(), names.end(),
                      [](const std::string& a, const std::string& b) { return std::stol(a) < std::stol(b); });
        f.sets.resolve(names, offsets, classes, &unknown, &unknown_row);
        out.class_names = std::move(names);
    } else {
        // Whole numbers: the classes are the distinct numbers, in order.
        f.sets.resolve({}, offsets, classes, &unknown, &unknown_row);
        std::vector<std::int32_t> distinct(classes);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (auto& y : classes)
            y = static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), y) - distinct.begin());
        for (auto v : distinct) out.class_names.push_back(std::to_string(v));
    }
    for (std::size_t i = 0; i + 1 < offsets.size(); ++i) {
        out.sets.add(classes.begin() + offsets[i], classes.begin() + offsets[i + 1]);
        out.rows_with_several += offsets[i + 1] - offsets[i] > 1 ? 1 : 0;
    }
    out.notation = !f.class_columns.empty() ? io::SetNotation::columns : f.sets.notation();
    return out;
}

class MultiLabelFeatureReader {
public:
    explicit MultiLabelFeatureReader(val o) {
        options_.label_column = str(o, "labelColumn", "");
        options_.features = strings_in(o, "features");
        options_.text_column = str(o, "textColumn", "");
        options_.impute = flag(o, "impute", false);
        options_.label_sets = true;  // an empty cell is the empty set, as [] is
    }

    val beginFile(std::string name, double total_bytes) { return beginRole("combined", name, total_bytes); }

    // Roles as the single-label FeatureReader: 'combined', or 'labels' (one column of sets) and
    // 'features' (N x D .npy or numeric CSV).
    val beginRole(std::string role, std::string name, double total_bytes) {
        return guarded([&] {
            const auto total = static_cast<std::uint64_t>(total_bytes);
            role_ = role;
            if (role == "combined") {
                table_ = std::make_unique<io::TableReader>(options_);
                table_->begin_file(name, total);
            } else if (role == "labels") {
                labels_ = std::make_unique<SetsLabelsFile>();
                labels_->name = name;
                labels_->total = total;
                labels_done_ = false;
            } else if (role == "features") {
                dense_ = std::make_unique<io::DenseReader>(options_.impute);
                dense_->begin_file(name, total);
                file_ = name;
            } else {
                return error_out("invalid_option", "Unknown file role '" + role + "'.");
            }
            return val::object();
        });
    }

    val feed(val bytes) {
        return guarded([&] {
            const std::vector<std::uint8_t> chunk = copy_in<std::uint8_t>(bytes);
            if (role_ == "labels")
                labels_->feed(chunk.data(), chunk.size());
            else if (role_ == "features")
                dense_->feed(chunk.data(), chunk.size());
            else
                table_->feed(chunk.data(), chunk.size());
            return val::object();
        });
    }

    val endFile() {
        return guarded([&] {
            if (role_ == "labels") {
                labels_->end_file();
                labels_done_ = true;
            } else if (role_ == "features") {
                dense_->end_file();
                dense_done_ = dense_->finish();
            } else {
                table_->end_file();
            }
            return val::object();
        });
    }

    // Whole columns of one table (a Parquet file read in JS), as the single-label FeatureReader.
    val beginColumns(std::string name) {
        return guarded([&] {
            table_ = std::make_unique<io::TableReader>(options_);
            table_->begin_columns(name);
            role_ = "columns";
            return val::object();
        });
    }
    val addNumericColumn(std::string name, val values) {
        return guarded([&] {
            table_->add_numeric_column(name, copy_in<double>(values));
            return val::object();
        });
    }
    // values: an array of strings (null/undefined = missing).
    val addStringColumn(std::string name, val values) {
        return guarded([&] {
            StringsWithMissing column = strings_with_missing(values);
            table_->add_string_column(name, std::move(column.strings), std::move(column.missing));
            return val::object();
        });
    }
    val addVectorColumn(std::string name, double dim, val values) {
        return guarded([&] {
            table_->add_vector_column(name, static_cast<std::size_t>(dim), copy_in<double>(values));
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
            if (!table_) return dense_cross_val(x, progress);
            io::FeatureTable table = table_->finish();
            file_ = table.file;
            const ParsedSets parsed = parse_sets(table.labels, "column '" + table.label_column + "'");
            learn::TableColumns cols;
            for (auto& f : table.numeric) cols.numeric.push_back({f.name, std::move(f.values)});
            for (auto& f : table.categorical)
                cols.categorical.push_back({f.name, std::move(f.codes), std::move(f.levels)});
            for (auto& f : table.text) cols.text.push_back({f.name, std::move(f.texts)});
            learn::FeatureOptions fo;
            fo.missing = options_.impute ? learn::Missing::mean : learn::Missing::error;
            learn::FeatureReport report;
            const learn::Features features = learn::features_from_table(cols, fo, &report);
            val res = run(features, parsed, x, progress);
            res.set("labelColumn", table.label_column);
            res.set("features", feature_report_out(report, features));
            // The table's id, known-truth and text columns as read: shown beside the results.
            val extra = val::array();
            for (std::size_t c = 0; c < table.passthrough.size(); ++c) {
                val column = val::object();
                column.set("name", table.passthrough[c].name);
                column.set("values", strings_out(table.passthrough[c].texts));
                extra.set(c, column);
            }
            res.set("extraColumns", extra);
            return res;
        });
        if (has(result, "error") && result["error"]["file"].isUndefined() && !file_.empty())
            result["error"].set("file", file_);
        return result;
    }

private:
    // The probabilities and the sets read, with their class names and notation.
    static val run(const learn::Features& features, const ParsedSets& parsed, const learn::CrossValOptions& x,
                   val progress) {
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
        return res;
    }

    // A labels file of sets and an N x D features file (pixels, embeddings).
    val dense_cross_val(const learn::CrossValOptions& x, val progress) {
        if (!labels_done_)
            return error_out("missing_file",
                             "One-vs-rest cross-validation needs a labelled table, or a labels file of sets "
                             "and a features file.");
        if (!dense_done_)
            return error_out("missing_file", "One-vs-rest cross-validation needs features next to the labels file.");
        const std::string features_file = file_;
        file_ = labels_->name;  // a label that is no set: the labels file's error
        const ParsedSets parsed = sets_of_file(*labels_, dense_done_->rows);
        file_ = features_file;
        if (parsed.sets.size() != dense_done_->rows)
            return error_out("row_count_mismatch",
                             "The labels file has " + std::to_string(parsed.sets.size()) +
                                 " labels but the features file has " + std::to_string(dense_done_->rows) +
                                 " rows. They must describe the same examples, in the same order.",
                             file_);
        learn::DenseInput in;
        in.rows = dense_done_->rows;
        in.cols = dense_done_->cols;
        in.data = dense_done_->data();
        in.type = dense_done_->type == io::DenseFeatures::Type::u8    ? learn::DenseInput::Type::u8
                  : dense_done_->type == io::DenseFeatures::Type::f32 ? learn::DenseInput::Type::f32
                                                                      : learn::DenseInput::Type::f64;
        learn::FeatureReport report;
        const learn::Features features = learn::features_from_dense(in, &report);
        val res = run(features, parsed, x, progress);
        res.set("labelColumn", std::string());
        res.set("features", feature_report_out(report, features));
        res.set("extraColumns", val::array());
        return res;
    }

    io::TableOptions options_;
    std::string role_;
    std::unique_ptr<io::TableReader> table_;
    std::unique_ptr<SetsLabelsFile> labels_;
    std::unique_ptr<io::DenseReader> dense_;
    bool labels_done_ = false;
    std::optional<io::DenseFeatures> dense_done_;
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
        .function("beginFile", &MultiLabelFeatureReader::beginRole)
        .function("feed", &MultiLabelFeatureReader::feed)
        .function("endFile", &MultiLabelFeatureReader::endFile)
        .function("beginColumns", &MultiLabelFeatureReader::beginColumns)
        .function("addNumericColumn", &MultiLabelFeatureReader::addNumericColumn)
        .function("addStringColumn", &MultiLabelFeatureReader::addStringColumn)
        .function("addVectorColumn", &MultiLabelFeatureReader::addVectorColumn)
        .function("crossVal", &MultiLabelFeatureReader::crossVal);
}
