// Bindings for cross-validated probabilities: a reader for a labelled table (CSV in chunks, or
// whole columns from a Parquet file read in JS) or for labels + an N x D features file, and the
// cross-validation itself on what was read, with progress (and cancelling) through a JS callback.
#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <optional>

#include "core/parallel.hpp"
#include "io/cross_val_labels.hpp"
#include "io/dense_reader.hpp"
#include "io/table_columns.hpp"
#include "io/table_reader.hpp"
#include "learn/learn.hpp"
#include "wasm/learn_out.hpp"
#include "wasm/marshal.hpp"

namespace labelscope::wasm {
namespace {

constexpr std::uint64_t WARM_HELPERS_ABOVE_BYTES = 1 << 20;

// Errors about the whole input (too few examples, constant features) come without a file: name it.
val with_file(val result, const std::string& file) {
    if (!file.empty() && has(result, "error") && result["error"]["file"].isUndefined())
        result["error"].set("file", file);
    return result;
}

// What was read, kept in WebAssembly memory for one or more cross-validations.
struct FeatureSetData {
    io::LabelSet labels;
    std::optional<io::FeatureTable> table;
    std::optional<io::DenseFeatures> dense;
    bool impute = false;
    std::string file;  // the features file (for messages)
    // Built on first use, then reused: the same features for every cross-validation of this set.
    std::optional<learn::Features> features;
    std::exception_ptr build_error;
    learn::FeatureReport report;
};

val column_report(const FeatureSetData& d) {
    val columns = val::array();
    if (d.table) {
        for (std::size_t c = 0; c < d.table->columns.size(); ++c) {
            const auto& x = d.table->columns[c];
            val o = val::object();
            o.set("name", x.name);
            o.set("column", static_cast<double>(x.column));
            o.set("use", std::string(io::to_string(x.use)));
            o.set("reason", x.reason);
            if (x.distinct > 0) o.set("distinct", static_cast<double>(x.distinct));
            o.set("missing", static_cast<double>(x.missing));
            columns.set(c, o);
        }
    }
    val r = val::object();
    r.set("columns", columns);
    r.set("labelColumn", d.table ? d.table->label_column : std::string());
    r.set("notes", strings_out(d.table ? d.table->notes : d.dense->notes));
    if (d.dense) {
        r.set("denseShape",
              list(std::vector<double>{static_cast<double>(d.dense->rows), static_cast<double>(d.dense->cols)}));
        r.set("denseType", std::string(d.dense->type == io::DenseFeatures::Type::u8    ? "uint8"
                                       : d.dense->type == io::DenseFeatures::Type::f32 ? "float32"
                                                                                       : "float64"));
        val shape = val::array();
        for (std::size_t i = 0; i < d.dense->image_shape.size(); ++i)
            shape.set(i, static_cast<double>(d.dense->image_shape[i]));
        r.set("imageShape", shape);
    }
    return r;
}

// A table's columns a person sees beside each row (the review's detail pane, the full-dataset export): every
// column read but the label, in file order, as text (numbers in their shortest round-trip form, missing cells
// empty). Only the id, text and known-truth columns when the features are many (an embedding's hundreds of
// columns, or more cells than kept here): ignored columns were not kept by the reader.
constexpr std::size_t MAX_SHOWN_FEATURE_COLUMNS = 256;
constexpr std::size_t MAX_SHOWN_FEATURE_CELLS = 10'000'000;

val shown_columns(const io::FeatureTable& t) {
    const std::size_t features = t.numeric.size() + t.categorical.size();
    const bool all = features <= MAX_SHOWN_FEATURE_COLUMNS && features * t.num_examples <= MAX_SHOWN_FEATURE_CELLS;
    val extra = val::array();
    std::size_t shown = 0, numeric = 0, categorical = 0, passthrough = 0;
    auto add = [&](const std::string& name, const std::vector<std::string>& values) {
        val column = val::object();
        column.set("name", name);
        column.set("values", strings_out(values));
        extra.set(shown++, column);
    };
    for (const auto& choice : t.columns) {
        switch (choice.use) {
            case io::ColumnUse::id:
            case io::ColumnUse::truth:
            case io::ColumnUse::text:
                if (passthrough < t.passthrough.size()) {
                    add(t.passthrough[passthrough].name, t.passthrough[passthrough].texts);
                    ++passthrough;
                }
                break;
            case io::ColumnUse::numeric:
                if (numeric < t.numeric.size()) {
                    const auto& f = t.numeric[numeric++];
                    if (!all || f.values.size() != t.num_examples) break;  // moved into the trainer's features
                    std::vector<std::string> texts;
                    texts.reserve(f.values.size());
                    for (double v : f.values) texts.push_back(std::isnan(v) ? std::string() : io::shortest_text(v));
                    add(f.name, texts);
                }
                break;
            case io::ColumnUse::categorical:
                if (categorical < t.categorical.size()) {
                    const auto& f = t.categorical[categorical++];
                    if (!all || f.codes.size() != t.num_examples) break;
                    std::vector<std::string> texts;
                    texts.reserve(f.codes.size());
                    for (std::int32_t code : f.codes) texts.push_back(code < 0 ? std::string() : f.levels[code]);
                    add(f.name, texts);
                }
                break;
            default: break;
        }
    }
    return extra;
}

class FeatureSetHandle {
public:
    explicit FeatureSetHandle(std::shared_ptr<FeatureSetData> d) : d_(std::move(d)) {}

    val info() const {
        return guarded([&] {
            val o = val::object();
            o.set("numExamples", static_cast<double>(d_->labels.labels.size()));
            o.set("numClasses", static_cast<double>(d_->labels.class_names.size()));
            o.set("classNames", strings_out(d_->labels.class_names));
            o.set("labels", out(d_->labels.labels));
            o.set("labelsFile", d_->labels.file);
            o.set("featuresFile", d_->file);
            o.set("featureReport", column_report(*d_));
            o.set("extraColumns", d_->table ? shown_columns(*d_->table) : val::array());
            return o;
        });
    }

    // Which column is used as what, before any training: the reader's choices with the trainer's
    // (constant columns dropped, the levels of each one-hot column). The features are built here
    // and kept for crossVal.
    val columns() {
        return with_file(guarded([&] {
                             build_features();
                             val r = column_report(*d_);
                             const auto& rep = d_->report;
                             val columns = r["columns"];
                             const auto n = columns["length"].as<std::size_t>();
                             for (std::size_t c = 0; c < n; ++c) {
                                 val col = columns[c];
                                 const std::string name = col["name"].as<std::string>();
                                 if (std::find(rep.dropped_constant.begin(), rep.dropped_constant.end(), name) !=
                                     rep.dropped_constant.end())
                                     col.set("constant", true);
                                 for (const auto& one_hot : rep.one_hot)
                                     if (one_hot.size() > name.size() && one_hot.compare(0, name.size(), name) == 0 &&
                                         one_hot[name.size()] == ':')
                                         col.set("levels", one_hot.substr(name.size() + 2));
                             }
                             r.set("droppedConstant", strings_out(rep.dropped_constant));
                             r.set("used", strings_out(rep.used));
                             r.set("trainerNotes", strings_out(rep.notes));
                             r.set("denseColumns", static_cast<double>(d_->features->dense_cols()));
                             r.set("textColumns", static_cast<double>(d_->features->text_cols()));
                             return r;
                         }),
                         d_->file);
    }

    // options: {folds, seed, c, balancedClassWeight, maxIterations, tolerance};
    // progress(foldsDone, numFolds) -> false cancels.
    val crossVal(val o, val progress) {
        return with_file(
            guarded([&] {
                learn::CrossValOptions x;
                x.folds = static_cast<int>(num(o, "folds", 5));
                x.seed = static_cast<std::uint64_t>(num(o, "seed", 0));
                if (has(o, "c")) x.c = num(o, "c", 1.0);
                x.balanced_class_weight = flag(o, "balancedClassWeight", false);
                x.max_iterations = static_cast<int>(num(o, "maxIterations", x.max_iterations));
                x.tolerance = num(o, "tolerance", x.tolerance);
                const std::string model = str(o, "model", "logistic_regression");
                if (model != "logistic_regression" && model != "logistic")
                    return error_out("invalid_option", "model must be 'logistic_regression'; got '" + model + "'.");
                if (x.folds < 2)
                    return error_out("invalid_option",
                                     "folds must be a whole number >= 2; got " + std::to_string(x.folds) + ".");
                // labels: the trainer's labels instead of the table's (e.g. simulated noise), class indices
                // in the table's class order (src/js/cross-val.js maps names and checks them).
                io::LabelSet given = d_->labels;
                if (has(o, "labels")) {
                    std::vector<std::int32_t> labels = copy_in<std::int32_t>(o["labels"]);
                    if (labels.size() != given.labels.size())
                        return error_out("invalid_option", "labels has " + std::to_string(labels.size()) +
                                                               " values; the table has " +
                                                               std::to_string(given.labels.size()) + " rows.");
                    for (std::size_t i = 0; i < labels.size(); ++i)
                        if (labels[i] < 0 || static_cast<std::size_t>(labels[i]) >= given.class_names.size())
                            return error_out("invalid_option", "labels index " + std::to_string(i) + " is " +
                                                                   std::to_string(labels[i]) + ", not a class index.");
                    given.labels = std::move(labels);
                }
                io::check_cross_val_labels(given, x.folds);
                build_features();
                const bool call = !progress.isUndefined() && !progress.isNull();
                learn::Progress report = [&](int done, int total) { return !call || progress(done, total).as<bool>(); };
                const auto& y = given.labels;
                const learn::CrossValResult r = learn::cross_val_probs(
                    *d_->features, y.data(), y.size(), static_cast<int>(d_->labels.class_names.size()), x, report);
                val res = cross_val_out(r);
                if (has(o, "labels")) res.set("labelsReplaced", true);  // a core without the option says nothing
                res.set("features", feature_report_out(d_->report, *d_->features));
                return res;
            }),
            d_->file);
    }

private:
    // The table's values move into the trainer's features (one copy in memory); a failure is kept
    // and given again, since the values are gone.
    void build_features() {
        if (d_->features) return;
        if (d_->build_error) std::rethrow_exception(d_->build_error);
        try {
            build_features_once();
        } catch (...) {
            d_->build_error = std::current_exception();
            throw;
        }
    }

    void build_features_once() {
        if (d_->table) {
            learn::TableColumns cols;
            for (auto& f : d_->table->numeric) cols.numeric.push_back({f.name, std::move(f.values)});
            for (auto& f : d_->table->categorical)
                cols.categorical.push_back({f.name, std::move(f.codes), std::move(f.levels)});
            for (auto& f : d_->table->text) cols.text.push_back({f.name, std::move(f.texts)});
            learn::FeatureOptions fo;
            fo.missing = d_->impute ? learn::Missing::mean : learn::Missing::error;
            d_->features = learn::features_from_table(cols, fo, &d_->report);
        } else {
            const auto& dense = *d_->dense;
            learn::DenseInput in;
            in.rows = dense.rows;
            in.cols = dense.cols;
            in.data = dense.data();
            in.type = dense.type == io::DenseFeatures::Type::u8    ? learn::DenseInput::Type::u8
                      : dense.type == io::DenseFeatures::Type::f32 ? learn::DenseInput::Type::f32
                                                                   : learn::DenseInput::Type::f64;
            d_->features = learn::features_from_dense(in, &d_->report);
            // The trainer keeps its own copy: the values read are no longer needed.
            auto& kept = *d_->dense;
            std::vector<std::uint8_t>().swap(kept.u8);
            std::vector<float>().swap(kept.f32);
            std::vector<double>().swap(kept.f64);
        }
    }

    std::shared_ptr<FeatureSetData> d_;
};

// Roles: 'combined' (a labelled table), or 'labels' + 'features' (N x D .npy / numeric CSV).
class FeatureReader {
public:
    explicit FeatureReader(val o) {
        options_.label_column = str(o, "labelColumn", "");
        options_.features = strings_in(o, "features");
        options_.text_column = str(o, "textColumn", "");
        options_.impute = flag(o, "impute", false);
        options_.fold_case = flag(o, "foldCase", false);
        // roles: [[name, 'numeric' | 'categorical' | 'ignored'], ...] (src/js/cross-val.js checks them).
        if (has(o, "roles")) {
            const auto n = o["roles"]["length"].as<std::size_t>();
            for (std::size_t i = 0; i < n; ++i) {
                const std::string use = o["roles"][i][1].as<std::string>();
                const io::ColumnUse u = use == "numeric"       ? io::ColumnUse::numeric
                                        : use == "categorical" ? io::ColumnUse::categorical
                                                               : io::ColumnUse::ignored;
                options_.roles.emplace_back(o["roles"][i][0].as<std::string>(), u);
            }
        }
    }

    val beginFile(std::string role, std::string name, double total_bytes) {
        return guarded([&] {
            role_ = role;
            const auto total = static_cast<std::uint64_t>(total_bytes);
            // The folds of big data run on helper threads where the core has them (cross_val.cpp);
            // a WebAssembly thread starts only once the event loop has run, so one is asked for
            // now, while the files are read in chunks, not when the training (one call) begins.
            if (total >= WARM_HELPERS_ABOVE_BYTES) run_pieces(2, [](std::size_t) {});
            if (role == "combined") {
                table_ = std::make_unique<io::TableReader>(options_);
                table_->begin_file(name, total);
                file_ = name;
            } else if (role == "labels") {
                labels_ = std::make_unique<io::LabelsReader>();
                labels_->begin_file(name, total);
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
            const auto n = bytes["length"].as<std::size_t>();
            buffer_.resize(n);
            val(emscripten::typed_memory_view(n, buffer_.data())).call<void>("set", bytes);
            if (role_ == "combined")
                table_->feed(buffer_.data(), n);
            else if (role_ == "labels")
                labels_->feed(buffer_.data(), n);
            else
                dense_->feed(buffer_.data(), n);
            return val::object();
        });
    }

    val endFile() {
        return guarded([&] {
            if (role_ == "combined") {
                table_->end_file();
            } else if (role_ == "labels") {
                labels_->end_file();
                labels_done_ = labels_->finish();
            } else {
                dense_->end_file();
                dense_done_ = dense_->finish();
            }
            return val::object();
        });
    }

    // Whole columns of one table (a Parquet file read in JS).
    val beginColumns(std::string name) {
        return guarded([&] {
            table_ = std::make_unique<io::TableReader>(options_);
            table_->begin_columns(name);
            file_ = name;
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

    // {features: FeatureSetHandle} or {error}. The caller owns the handle (.delete()).
    val finish() {
        return guarded([&] {
            auto d = std::make_shared<FeatureSetData>();
            d->impute = options_.impute;
            if (table_) {
                d->table = table_->finish();
                d->labels = d->table->labels;
                d->file = d->table->file;
            } else {
                if (!labels_done_)
                    return error_out("missing_file",
                                     "Cross-validation needs labels: a labelled table, or labels and "
                                     "features files.");
                if (!dense_done_)
                    return error_out("missing_file", "Cross-validation needs features next to the labels file.");
                d->labels = std::move(*labels_done_);
                d->dense = std::move(*dense_done_);
                d->file = d->dense->file;
                if (d->labels.labels.size() != d->dense->rows)
                    return error_out("row_count_mismatch",
                                     "The labels file has " + std::to_string(d->labels.labels.size()) +
                                         " labels but the features file has " + std::to_string(d->dense->rows) +
                                         " rows. They must describe the same examples, in the same order.",
                                     d->file);
            }
            val r = val::object();
            r.set("features", FeatureSetHandle(d));
            return r;
        });
    }

private:
    io::TableOptions options_;
    std::string role_, file_;
    std::unique_ptr<io::TableReader> table_;
    std::unique_ptr<io::LabelsReader> labels_;
    std::unique_ptr<io::DenseReader> dense_;
    std::optional<io::LabelSet> labels_done_;
    std::optional<io::DenseFeatures> dense_done_;
    std::vector<std::uint8_t> buffer_;
};

}  // namespace
}  // namespace labelscope::wasm

EMSCRIPTEN_BINDINGS(labelscope_learn) {
    using namespace emscripten;
    using namespace labelscope::wasm;
    class_<FeatureSetHandle>("FeatureSetHandle")
        .function("info", &FeatureSetHandle::info)
        .function("columns", &FeatureSetHandle::columns)
        .function("crossVal", &FeatureSetHandle::crossVal);
    class_<FeatureReader>("FeatureReader")
        .constructor<val>()
        .function("beginFile", &FeatureReader::beginFile)
        .function("feed", &FeatureReader::feed)
        .function("endFile", &FeatureReader::endFile)
        .function("beginColumns", &FeatureReader::beginColumns)
        .function("addNumericColumn", &FeatureReader::addNumericColumn)
        .function("addStringColumn", &FeatureReader::addStringColumn)
        .function("addVectorColumn", &FeatureReader::addVectorColumn)
        .function("finish", &FeatureReader::finish);
}
