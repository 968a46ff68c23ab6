#include "io/multilabel_reader.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "core/errors.hpp"
#include "io/fingerprint.hpp"
#include "io/multilabel_parts.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {

bool is_class_column_name(const std::string& lowered) {
    return lowered.size() > CLASS_COLUMN_PREFIX.size() && lowered.rfind(CLASS_COLUMN_PREFIX, 0) == 0;
}

int zero_one(std::string_view v) {
    if (v == "1" || v == "1.0" || v == "true" || v == "True" || v == "TRUE") return 1;
    if (v == "0" || v == "0.0" || v.empty() || v == "false" || v == "False" || v == "FALSE") return 0;
    return -1;
}

bool starts_npy(const std::uint8_t* data, std::size_t size) {
    return size >= 6 && std::memcmp(data, "\x93NUMPY", 6) == 0;
}

struct MultiLabelReader::State {
    ReadOptions options;
    ReaderParts parts;  // pred_probs, read by the single-label parsers
    std::optional<LabelSetColumn> sets;
    std::string labels_file;
    std::int64_t labels_first_row = 1, labels_column = 1;
    std::vector<std::string> class_columns;
    std::vector<TextColumn> extra;
    std::size_t trailing_blanks = 0;
    std::size_t npy_k = 0;
    bool labels_npy = false;
    FileRole role = FileRole::labels;
    std::string name;
    std::uint64_t total = 0;
    std::string head;
    std::unique_ptr<FileParser> parser;
    Fingerprint fingerprint;

    void choose(const std::uint8_t* data, std::size_t size) {
        const bool npy = starts_npy(data, size);
        if (role == FileRole::pred_probs) {
            parser = npy ? make_npy_parser(role, name, options, parts, total)
                         : make_csv_parser(role, name, options, parts, total);
        } else if (role == FileRole::combined) {
            if (npy)
                throw ReadError(ReadErrorCode::bad_npy,
                                "A .npy cannot hold both label sets and probabilities: give a labels file and a "
                                "pred_probs file.",
                                name, 0, 0);
            sets.emplace();
            labels_file = name;
            parser = make_combined_label_sets_csv(name, *sets, parts, options, labels_first_row, labels_column,
                                                  class_columns);
        } else {
            sets.emplace();
            labels_file = name;
            labels_npy = npy;
            if (npy) {
                labels_first_row = 1, labels_column = 0;
                parser = make_label_matrix_npy(name, *sets, npy_k);
            } else {
                parser = make_label_sets_csv(name, *sets, extra, labels_first_row, labels_column, class_columns,
                                             trailing_blanks);
            }
        }
        if (size > 0) parser->feed(data, size);
    }
};

MultiLabelReader::MultiLabelReader(ReadOptions options) : state_(std::make_unique<State>()) {
    state_->options = std::move(options);
}
MultiLabelReader::~MultiLabelReader() = default;

void MultiLabelReader::begin_file(FileRole role, const std::string& name, std::uint64_t total_bytes) {
    State& s = *state_;
    s.role = role;
    s.name = name;
    s.total = total_bytes;
    s.head.clear();
    s.parser.reset();
}

void MultiLabelReader::feed(const std::uint8_t* data, std::size_t size) {
    State& s = *state_;
    s.fingerprint.update(data, size);
    if (s.parser) return s.parser->feed(data, size);
    s.head.append(reinterpret_cast<const char*>(data), size);
    if (s.head.size() >= 6) {
        std::string held;
        held.swap(s.head);
        s.choose(reinterpret_cast<const std::uint8_t*>(held.data()), held.size());
    }
}

void MultiLabelReader::end_file() {
    State& s = *state_;
    if (!s.parser) {
        std::string held;
        held.swap(s.head);
        s.choose(reinterpret_cast<const std::uint8_t*>(held.data()), held.size());
    }
    s.fingerprint.end_file(static_cast<std::uint32_t>(s.role));
    auto parser = std::move(s.parser);
    parser->finish();
}

MultiLabelDataset MultiLabelReader::finish() {
    State& s = *state_;
    if (!s.sets)
        throw ReadError(ReadErrorCode::missing_file,
                        "No labels were read. Add a labels file whose cells hold sets of classes (a;b).");
    if (!s.parts.probs)
        throw ReadError(ReadErrorCode::missing_file,
                        "No predicted probabilities were read. Add a pred_probs file (CSV, TSV or .npy).");
    ParsedProbs& probs = *s.parts.probs;
    LabelSetColumn& sets = *s.sets;
    const std::size_t n = probs.rows, k = probs.k;
    // Blank lines at the end of the labels file are not examples (an empty set is written "").
    if (sets.size() > n) sets.drop_last(std::min(s.trailing_blanks, sets.size() - n));
    if (sets.size() != n)
        throw ReadError(ReadErrorCode::row_count_mismatch,
                        s.labels_file + " has " + std::to_string(sets.size()) + " label sets but " + probs.file +
                            " has " + std::to_string(n) + (n == 1 ? " row" : " rows") +
                            " of probabilities. Both files must list the same examples in the same order.",
                        s.labels_file, 0, 0);
    if (s.labels_npy && s.npy_k != k)
        throw ReadError(ReadErrorCode::row_count_mismatch,
                        s.labels_file + " has " + std::to_string(s.npy_k) + " columns of 0/1 but " + probs.file +
                            " has " + std::to_string(k) + " probability columns. Both need one column per class.",
                        s.labels_file, 0, 0);
    MultiLabelDataset d;
    d.num_examples = n;
    d.num_classes = k;
    if (!s.options.class_names.empty()) {
        if (s.options.class_names.size() != k)
            throw ReadError(ReadErrorCode::missing_column,
                            std::to_string(s.options.class_names.size()) + " class names were given but " + probs.file +
                                " has " + std::to_string(k) + " probability columns. Give one name per column.",
                            probs.file, 0, 0);
        d.class_names = s.options.class_names;
    } else if (!probs.header.empty()) {
        d.class_names = probs.header;
    } else if (s.class_columns.size() == k) {
        d.class_names = s.class_columns;  // label_<class> columns name the classes
    } else {
        for (std::size_t c = 0; c < k; ++c) d.class_names.push_back(std::to_string(c));
    }
    std::string unknown;
    std::int64_t unknown_row = 0;
    if (!sets.resolve(d.class_names, d.offsets, d.classes, &unknown, &unknown_row)) {
        std::string list;
        for (std::size_t c = 0; c < k && c < 20; ++c) list += (c ? ", " : "") + d.class_names[c];
        throw ReadError(ReadErrorCode::unknown_class,
                        "The class '" + unknown +
                            "' in a label set matches no class. The classes (probability "
                            "columns) are: " +
                            list + (k > 20 ? ", ..." : "") + ". Fix the label or name the columns after the classes.",
                        s.labels_file, unknown_row, s.labels_column);
    }
    d.notation = s.labels_npy ? SetNotation::npy : !s.class_columns.empty() ? SetNotation::columns : sets.notation();
    d.rows_with_several = sets.rows_with_several();
    d.probs = std::move(probs.values);
    d.probs_f32 = std::move(probs.values_f32);
    d.extra_columns = s.extra.empty() ? std::move(s.parts.extra_columns) : std::move(s.extra);
    d.source.labels_file = s.labels_file;
    d.source.labels_first_row = s.labels_first_row;
    d.source.labels_column = s.labels_column;
    d.source.probs_file = probs.file;
    d.source.probs_first_row = probs.first_row;
    d.source.probs_columns = probs.columns;
    d.notes = std::move(s.parts.notes);
    d.notes.push_back("Label sets in " + std::string(to_string(d.notation)) + " notation; " +
                      std::to_string(d.rows_with_several) + " of " + std::to_string(n) +
                      " examples have more than one class.");
    d.fingerprint = s.fingerprint.hex();
    ReadOptions options = std::move(s.options);
    state_ = std::make_unique<State>();
    state_->options = std::move(options);
    return d;
}

std::int64_t MultiLabelReader::labels_with_several() const {
    return state_->sets ? state_->sets->rows_with_several() : 0;
}

std::int64_t MultiLabelReader::first_row_with_several() const {
    return state_->sets ? state_->sets->first_row_with_several() : 0;
}

std::int64_t MultiLabelReader::labels_column() const { return state_->labels_column; }

std::int64_t MultiLabelReader::first_data_row(const std::string& file) const {
    const State& s = *state_;
    if (s.sets && file == s.labels_file) return s.labels_first_row;
    if (s.parts.probs && file == s.parts.probs->file) return s.parts.probs->first_row;
    if (file == s.parts.reading_file) return s.parts.reading_first_row;  // its header decided, no output yet
    return 0;
}

Warnings validate_multilabel_dataset(const MultiLabelDataset& d, bool require_absent_somewhere) {
    try {
        return d.is_float32()
                   ? validate_multilabel_inputs(d.labels_view(), d.probs_view_f32(), require_absent_somewhere)
                   : validate_multilabel_inputs(d.labels_view(), d.probs_view(), require_absent_somewhere);
    } catch (const LabelScopeError& e) {
        Dataset where;
        where.source = d.source;
        throw locate_error(e, where);
    }
}

}  // namespace labelscope::io
