// Building learn::Features from table columns or an N x D block: validation with row/column
// messages, one-hot encoding, dropping constant columns, hashing text, narrowest exact storage.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "learn/features_data.hpp"
#include "learn/text_hash.hpp"

namespace labelscope::learn {

Features::Features() : data_(std::make_shared<Data>()) {}
Features::Features(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
std::size_t Features::rows() const { return data_->rows; }
std::size_t Features::dense_cols() const { return data_->dense_cols; }
std::size_t Features::text_cols() const { return data_->text_cols; }
const Features::Data& Features::data() const { return *data_; }

namespace {

// "row N" is the 1-based data row (header excluded): example index + 1.
std::string row_text(std::size_t i) { return "row " + std::to_string(i + 1); }

// "1 column" / "3 columns": the notes are read by people.
std::string count_of(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A dense column being assembled (double values, NaN = missing).
struct PendingColumn {
    std::string name;
    std::vector<double> values;
};

bool is_constant(const std::vector<double>& v) {
    bool seen = false;
    double first = 0;
    for (const double x : v) {
        if (std::isnan(x)) continue;
        if (!seen) {
            first = x;
            seen = true;
        } else if (x != first) {
            return false;
        }
    }
    return true;
}

// Stores the kept columns row-major in the narrowest exact type.
void store_dense(Features::Data& data, const std::vector<const std::vector<double>*>& columns) {
    const std::size_t n = data.rows, d = columns.size();
    data.dense_cols = d;
    if (d == 0) return;
    bool all_u8 = true, all_f32 = true;
    for (const auto* col : columns) {
        for (const double x : *col) {
            if (std::isnan(x)) {
                all_u8 = false;
                data.has_missing = true;
                continue;
            }
            if (!(x >= 0 && x <= 255 && x == std::floor(x))) all_u8 = false;
            if (static_cast<double>(static_cast<float>(x)) != x) all_f32 = false;
        }
    }
    if (all_u8) {
        data.storage = Features::Data::Storage::u8;
        data.u8.resize(n * d);
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t i = 0; i < n; ++i) data.u8[i * d + j] = static_cast<std::uint8_t>((*columns[j])[i]);
    } else if (all_f32) {
        data.storage = Features::Data::Storage::f32;
        data.f32.resize(n * d);
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t i = 0; i < n; ++i) data.f32[i * d + j] = static_cast<float>((*columns[j])[i]);
    } else {
        data.storage = Features::Data::Storage::f64;
        data.f64.resize(n * d);
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t i = 0; i < n; ++i) data.f64[i * d + j] = (*columns[j])[i];
    }
}

void check_rows(std::size_t& n, std::size_t got, const std::string& name) {
    if (n == static_cast<std::size_t>(-1))
        n = got;
    else if (got != n)
        throw LabelScopeError(ErrorCode::length_mismatch, "Column '" + name + "' has " + std::to_string(got) +
                                                              " values but other columns have " + std::to_string(n) +
                                                              ". Every column needs one value per row.");
}

void hash_text(Features::Data& data, const TextColumn& column, const FeatureOptions& options, FeatureReport* report) {
    const std::size_t n = data.rows;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> per_row(n);
    std::vector<std::uint32_t> used;
    for (std::size_t i = 0; i < n; ++i) {
        per_row[i] = hash_ngrams(column.texts[i], options.text_hash_bits, options.text_bigrams);
        for (const auto& p : per_row[i]) used.push_back(p.first);
    }
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    if (used.empty())
        throw LabelScopeError(ErrorCode::constant_features,
                              "Text column '" + column.name +
                                  "' has no words (tokens of two or more letters or "
                                  "digits) on any row. Choose another text column or none.");
    data.text_cols = used.size();
    data.text_row_ptr.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        data.text_row_ptr[i + 1] = data.text_row_ptr[i] + static_cast<std::uint32_t>(per_row[i].size());
        for (const auto& p : per_row[i]) {
            const auto at = std::lower_bound(used.begin(), used.end(), p.first) - used.begin();
            data.text_col.push_back(static_cast<std::uint32_t>(at));
            data.text_count.push_back(p.second);
        }
    }
    std::size_t empty_rows = 0;
    for (std::size_t i = 0; i < n; ++i) empty_rows += per_row[i].empty() ? 1 : 0;
    if (report) {
        report->used.push_back(column.name);
        report->notes.push_back("Text column '" + column.name + "': word " +
                                std::string(options.text_bigrams ? "unigrams and bigrams" : "unigrams") +
                                " hashed into 2^" + std::to_string(options.text_hash_bits) + " buckets (" +
                                std::to_string(used.size()) + " used), TF-IDF weighted on each training fold, " +
                                "rows L2-normalised." +
                                (empty_rows ? " " + std::to_string(empty_rows) + " rows have no words." : ""));
    }
}

}  // namespace

Features features_from_table(const TableColumns& table, const FeatureOptions& options, FeatureReport* report) {
    if (options.text_hash_bits < 8 || options.text_hash_bits > 24)
        throw LabelScopeError(ErrorCode::invalid_option, "text_hash_bits must be between 8 and 24.");
    if (options.max_categorical_levels < 1)
        throw LabelScopeError(ErrorCode::invalid_option, "max_categorical_levels must be at least 1.");
    if (table.text.size() > 1)
        throw LabelScopeError(ErrorCode::invalid_option, "At most one text column can be used as features; got " +
                                                             std::to_string(table.text.size()) + ".");
    std::size_t n = static_cast<std::size_t>(-1);
    for (const auto& c : table.numeric) check_rows(n, c.values.size(), c.name);
    for (const auto& c : table.categorical) check_rows(n, c.codes.size(), c.name);
    for (const auto& c : table.text) check_rows(n, c.texts.size(), c.name);
    if (n == static_cast<std::size_t>(-1) || n == 0)
        throw LabelScopeError(ErrorCode::empty_input, "No feature columns or no rows: nothing to learn from.");
    const bool impute = options.missing == Missing::mean;

    std::vector<PendingColumn> pending;
    std::vector<std::string> dropped;
    std::size_t imputed = 0;
    for (const auto& c : table.numeric) {
        for (std::size_t i = 0; i < n; ++i) {
            const double x = c.values[i];
            if (std::isinf(x))
                throw LabelScopeError(
                    ErrorCode::non_finite,
                    "Column '" + c.name + "', " + row_text(i) + ": value is infinite. Use a finite number.",
                    static_cast<std::int64_t>(i));
            if (std::isnan(x)) {
                if (!impute)
                    throw LabelScopeError(ErrorCode::missing_value,
                                          "Column '" + c.name + "', " + row_text(i) +
                                              ": value is missing. Fill it in, drop the column, or ask for "
                                              "mean imputation.",
                                          static_cast<std::int64_t>(i));
                ++imputed;
            }
        }
        if (is_constant(c.values))
            dropped.push_back(c.name);
        else
            pending.push_back({c.name, c.values});
    }
    std::vector<std::string> one_hot;
    for (const auto& c : table.categorical) {
        const auto levels = static_cast<std::int32_t>(c.levels.size());
        std::vector<std::size_t> counts(c.levels.size(), 0);
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t code = c.codes[i];
            if (code == -1) {
                if (!impute)
                    throw LabelScopeError(ErrorCode::missing_value,
                                          "Column '" + c.name + "', " + row_text(i) +
                                              ": value is missing. Fill it in, drop the column, or ask for "
                                              "mean imputation.",
                                          static_cast<std::int64_t>(i));
                ++imputed;
                continue;
            }
            if (code < 0 || code >= levels)
                throw LabelScopeError(ErrorCode::invalid_option,
                                      "Column '" + c.name + "', " + row_text(i) + ": category code " +
                                          std::to_string(code) + " is not one of its " + std::to_string(levels) +
                                          " levels.",
                                      static_cast<std::int64_t>(i));
            ++counts[static_cast<std::size_t>(code)];
        }
        std::size_t present = 0;
        for (const std::size_t k : counts) present += k ? 1 : 0;
        if (present > static_cast<std::size_t>(options.max_categorical_levels)) {
            if (report)
                report->notes.push_back("Column '" + c.name + "' has " + std::to_string(present) +
                                        " distinct values, more than " +
                                        std::to_string(options.max_categorical_levels) +
                                        " for one-hot encoding: not used (an identifier or free text?).");
            continue;
        }
        if (present <= 1) {
            dropped.push_back(c.name);
            continue;
        }
        std::string listed = c.name + ":";
        for (std::int32_t level = 0; level < levels; ++level) {
            if (!counts[static_cast<std::size_t>(level)]) continue;
            PendingColumn col{c.name + "=" + c.levels[static_cast<std::size_t>(level)], std::vector<double>(n)};
            for (std::size_t i = 0; i < n; ++i)
                col.values[i] = c.codes[i] == -1      ? std::numeric_limits<double>::quiet_NaN()
                                : c.codes[i] == level ? 1.0
                                                      : 0.0;
            listed += (listed.back() == ':' ? " " : ", ") + c.levels[static_cast<std::size_t>(level)];
            pending.push_back(std::move(col));
        }
        one_hot.push_back(listed);
    }

    auto data = std::make_shared<Features::Data>();
    data->rows = n;
    std::vector<const std::vector<double>*> columns;
    for (const auto& p : pending) columns.push_back(&p.values);
    store_dense(*data, columns);
    if (report) {
        for (const auto& c : table.numeric)
            if (std::find(dropped.begin(), dropped.end(), c.name) == dropped.end()) report->used.push_back(c.name);
        for (const auto& s : one_hot) report->used.push_back(s.substr(0, s.find(':')));
        report->dropped_constant.insert(report->dropped_constant.end(), dropped.begin(), dropped.end());
        report->one_hot.insert(report->one_hot.end(), one_hot.begin(), one_hot.end());
        if (imputed)
            report->notes.push_back(count_of(imputed, "missing value", "missing values") +
                                    (imputed == 1 ? " replaced by its" : " replaced by their") +
                                    " column's mean on each training fold.");
        if (!dropped.empty())
            report->notes.push_back(count_of(dropped.size(), "column", "columns") +
                                    " dropped: the same value on every row.");
    }
    if (!table.text.empty()) hash_text(*data, table.text[0], options, report);
    if (data->dense_cols == 0 && data->text_cols == 0)
        throw LabelScopeError(ErrorCode::constant_features,
                              "Every feature column has the same value on every row: nothing to learn from. "
                              "Choose other feature columns.");
    return Features(std::move(data));
}

Features features_from_dense(const DenseInput& input, FeatureReport* report) {
    const std::size_t n = input.rows, d = input.cols;
    if (n == 0 || d == 0) throw LabelScopeError(ErrorCode::empty_input, "The feature block has no rows or no columns.");
    if (!input.data) throw LabelScopeError(ErrorCode::invalid_option, "The feature block has no data.");
    auto value = [&](std::size_t i, std::size_t j) -> double {
        switch (input.type) {
            case DenseInput::Type::u8: return static_cast<const std::uint8_t*>(input.data)[i * d + j];
            case DenseInput::Type::f32: return static_cast<const float*>(input.data)[i * d + j];
            case DenseInput::Type::f64: return static_cast<const double*>(input.data)[i * d + j];
        }
        return 0;
    };
    // Non-finite check and constant columns in one row-major pass.
    std::vector<double> first(d);
    std::vector<char> varies(d, 0);
    for (std::size_t j = 0; j < d; ++j) first[j] = value(0, j);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < d; ++j) {
            const double x = value(i, j);
            if (!std::isfinite(x))
                throw LabelScopeError(ErrorCode::non_finite,
                                      row_text(i) + ", column " + std::to_string(j + 1) + ": feature value is " +
                                          (std::isnan(x) ? "NaN" : "infinite") +
                                          ". Every feature must be a finite number.",
                                      static_cast<std::int64_t>(i));
            if (x != first[j]) varies[j] = 1;
        }
    }
    std::vector<std::size_t> kept;
    for (std::size_t j = 0; j < d; ++j)
        if (varies[j]) kept.push_back(j);
    if (kept.empty())
        throw LabelScopeError(ErrorCode::constant_features,
                              "Every feature column has the same value on every row: nothing to learn from.");
    auto data = std::make_shared<Features::Data>();
    data->rows = n;
    const std::size_t dk = kept.size();
    data->dense_cols = dk;
    bool all_u8 = input.type == DenseInput::Type::u8, all_f32 = input.type != DenseInput::Type::f64;
    if (!all_u8) {
        all_u8 = true;
        for (std::size_t i = 0; i < n && (all_u8 || all_f32); ++i)
            for (const std::size_t j : kept) {
                const double x = value(i, j);
                if (!(x >= 0 && x <= 255 && x == std::floor(x))) all_u8 = false;
                if (static_cast<double>(static_cast<float>(x)) != x) all_f32 = false;
            }
    }
    if (all_u8) {
        data->storage = Features::Data::Storage::u8;
        data->u8.resize(n * dk);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t c = 0; c < dk; ++c) data->u8[i * dk + c] = static_cast<std::uint8_t>(value(i, kept[c]));
    } else if (all_f32) {
        data->storage = Features::Data::Storage::f32;
        data->f32.resize(n * dk);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t c = 0; c < dk; ++c) data->f32[i * dk + c] = static_cast<float>(value(i, kept[c]));
    } else {
        data->storage = Features::Data::Storage::f64;
        data->f64.resize(n * dk);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t c = 0; c < dk; ++c) data->f64[i * dk + c] = value(i, kept[c]);
    }
    if (report) {
        report->used.push_back(std::to_string(dk) + " of " + std::to_string(d) + " columns");
        if (dk < d) {
            for (std::size_t j = 0; j < d; ++j)
                if (!varies[j]) report->dropped_constant.push_back("column " + std::to_string(j + 1));
            report->notes.push_back(count_of(d - dk, "column", "columns") + " dropped: the same value on every row.");
        }
        const char* type = all_u8 ? "uint8" : all_f32 ? "float32" : "float64";
        report->notes.push_back(std::string("Features stored as ") + type + ", standardised on each training fold.");
    }
    return Features(std::move(data));
}

}  // namespace labelscope::learn
