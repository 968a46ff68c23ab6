#include "io/dataset_reader.hpp"
#include "io/plausibility.hpp"

#include <cstring>
#include <string>

#include "core/validation.hpp"
#include "io/page_warmer.hpp"
#include "io/read_error.hpp"
#include "io/reader_parts.hpp"

namespace labelscope::io {

DatasetReader::DatasetReader(ReadOptions options)
    : options_(std::move(options)), parts_(std::make_unique<ReaderParts>()) {}

DatasetReader::~DatasetReader() = default;

namespace {

constexpr char NPY_MAGIC[] = "\x93NUMPY";

// The parser is chosen from the first bytes (.npy magic), so file names need no extension.
class SniffingParser final : public FileParser {
public:
    SniffingParser(FileRole role, std::string name, std::uint64_t total, const ReadOptions& options, ReaderParts& parts)
        : role_(role), name_(std::move(name)), total_(total), options_(options), parts_(parts) {}

    void feed(const std::uint8_t* data, std::size_t size) override {
        if (inner_) return inner_->feed(data, size);
        if (head_.empty() && size >= 6) return choose(data, size);  // the usual first chunk: no copy
        head_.append(reinterpret_cast<const char*>(data), size);
        if (head_.size() >= 6) choose_from_head();
    }

    void finish() override {
        if (!inner_) choose_from_head();
        inner_->finish();
    }

private:
    void choose_from_head() {
        std::string held;
        held.swap(head_);
        choose(reinterpret_cast<const std::uint8_t*>(held.data()), held.size());
    }

    // Picks the parser from the first bytes, then gives it those bytes.
    void choose(const std::uint8_t* data, std::size_t size) {
        const bool npy = size >= 6 && std::memcmp(data, NPY_MAGIC, 6) == 0;
        inner_ = npy ? make_npy_parser(role_, name_, options_, parts_, total_)
                     : make_csv_parser(role_, name_, options_, parts_, total_);
        if (size > 0) inner_->feed(data, size);
    }

    FileRole role_;
    std::string name_;
    std::uint64_t total_;
    const ReadOptions& options_;
    ReaderParts& parts_;
    std::string head_;
    std::unique_ptr<FileParser> inner_;
};

// A two-class probabilities file headed "0,1" (the class names of integer labels, as the CLI's
// cross-val writes them) reads like a first row of probabilities. When it holds exactly one row
// more than there are labels, that row was the header.
void take_binary_header(const ParsedLabels& labels, ParsedProbs& probs, std::vector<std::string>& notes) {
    if (probs.k != 2 || !probs.header.empty() || probs.rows != labels.values.size() + 1) return;
    const bool f32 = !probs.values_f32.empty();
    const double a = f32 ? probs.values_f32[0] : probs.values[0];
    const double b = f32 ? probs.values_f32[1] : probs.values[1];
    if (a != 0.0 || b != 1.0) return;
    if (f32)
        probs.values_f32.erase(probs.values_f32.begin(), probs.values_f32.begin() + 2);
    else
        probs.values.erase(probs.values.begin(), probs.values.begin() + 2);
    probs.rows -= 1;
    probs.first_row += 1;
    probs.header = {"0", "1"};
    notes.push_back(probs.file +
                    ": the first row \"0,1\" is the header (class names 0 and 1): one row more than labels.");
}

std::vector<std::string> default_class_names(std::size_t k) {
    std::vector<std::string> names(k);
    for (std::size_t c = 0; c < k; ++c) names[c] = std::to_string(c);
    return names;
}

}  // namespace

int reader_threads() { return PageWarmer::available() ? 2 : 1; }

void DatasetReader::begin_file(FileRole role, const std::string& name, std::uint64_t total_bytes) {
    current_ = std::make_unique<SniffingParser>(role, name, total_bytes, options_, *parts_);
    current_role_ = role;
}

void DatasetReader::feed(const std::uint8_t* data, std::size_t size) {
    if (!current_) return;
    if (!options_.fingerprint) return current_->feed(data, size);
    constexpr std::size_t HASH_APART_BYTES = std::size_t{256} << 10;  // smaller: not worth a hand-over
    if (size < HASH_APART_BYTES) {
        fingerprint_.update(data, size);
        return current_->feed(data, size);
    }
    // The caller may reuse `data` once feed returns: the hash is waited for on every way out.
    hashing_.start([this, data, size] { fingerprint_.update(data, size); });
    try {
        current_->feed(data, size);
    } catch (...) {
        hashing_.wait();
        throw;
    }
    hashing_.wait();
}

void DatasetReader::end_file() {
    if (!current_) return;
    auto parser = std::move(current_);
    fingerprint_.end_file(static_cast<std::uint32_t>(current_role_));
    parser->finish();
}

Dataset DatasetReader::finish() {
    ReaderParts& p = *parts_;
    if (!p.labels)
        throw ReadError(ReadErrorCode::missing_file,
                        "No labels were read. Add a labels file (or a combined CSV with a label column).");
    if (!p.probs)
        throw ReadError(ReadErrorCode::missing_file,
                        "No predicted probabilities were read. Add a pred_probs file (CSV, TSV or .npy).");
    ParsedLabels& labels = *p.labels;
    ParsedProbs& probs = *p.probs;
    take_binary_header(labels, probs, p.notes);
    const std::size_t n = probs.rows, k = probs.k;
    if (labels.values.size() != n) {
        const bool same = labels.file == probs.file;
        throw ReadError(ReadErrorCode::row_count_mismatch,
                        labels.file + " has " + std::to_string(labels.values.size()) + " labels but " + probs.file +
                            " has " + std::to_string(n) + (n == 1 ? " row" : " rows") + " of probabilities" +
                            (same ? ""
                                  : ". Both files must list the same examples in the same order. If the counts "
                                    "differ by one, one file probably has a header row the other lacks (pandas "
                                    "writes a header '0' for an unnamed Series)."),
                        labels.file, 0, 0);
    }

    Dataset d;
    d.num_examples = n;
    d.num_classes = k;
    if (options_.fingerprint) d.fingerprint = fingerprint_.hex();
    if (!options_.class_names.empty()) {
        if (options_.class_names.size() != k)
            throw ReadError(ReadErrorCode::missing_column,
                            std::to_string(options_.class_names.size()) + " class names were given but " + probs.file +
                                " has " + std::to_string(k) + " probability columns. Give one name per column.",
                            probs.file, 0, 0);
        d.class_names = options_.class_names;
    } else if (!probs.header.empty()) {
        d.class_names = probs.header;
    } else {
        d.class_names = default_class_names(k);
    }

    // The truth column first (a copy), so that the labels' storage is handed over only when no
    // error can follow: a failed finish() leaves what was read as it was.
    std::string unknown, unknown_truth;
    std::int64_t unknown_row = 0, unknown_truth_row = 0;
    std::vector<std::int32_t> truth;
    if (p.true_labels) truth = p.true_labels->resolve(d.class_names, &unknown_truth, &unknown_truth_row);
    const bool truth_ok = !p.true_labels || !truth.empty() || n == 0;
    d.labels = truth_ok ? std::move(labels.values).resolve(d.class_names, &unknown, &unknown_row)
                        : labels.values.resolve(d.class_names, &unknown, &unknown_row);
    if (d.labels.empty() && n > 0) {
        std::string list;
        for (std::size_t c = 0; c < k && c < 20; ++c) list += (c ? ", " : "") + d.class_names[c];
        throw ReadError(ReadErrorCode::unknown_class,
                        "The label '" + unknown + "' matches no class. The classes (probability columns) are: " + list +
                            (k > 20 ? ", ..." : "") +
                            ". If those columns are features rather than one probability per class, compute "
                            "out-of-sample probabilities from them first ('labelscope cross-val', or \"Compute "
                            "out-of-sample probabilities\" on the page); otherwise fix the label or name the columns "
                            "after the classes.",
                        labels.file, unknown_row, labels.column);
    }
    if (p.true_labels) {
        if (!truth_ok)
            throw ReadError(ReadErrorCode::unknown_class, "The true label '" + unknown_truth + "' matches no class.",
                            labels.file, unknown_truth_row, p.true_labels_column);
        d.true_labels = std::move(truth);
    }
    if (p.has_known_errors) d.known_errors = std::move(p.known_errors);

    d.probs = std::move(probs.values);
    d.probs_f32 = std::move(probs.values_f32);
    d.extra_columns = std::move(p.extra_columns);
    d.source.labels_file = labels.file;
    d.source.labels_first_row = labels.first_row;
    d.source.labels_column = labels.column;
    d.source.probs_file = probs.file;
    d.source.probs_first_row = probs.first_row;
    d.source.probs_columns = probs.columns;
    d.notes = std::move(p.notes);
    parts_ = std::make_unique<ReaderParts>();
    return d;
}

ReadError locate_error(const LabelScopeError& e, const Dataset& d) {
    const std::string code = to_string(e.code());
    const SourceMap& s = d.source;
    // About the whole dataset: still name the file a person has to fix.
    if (e.example() < 0)
        return ReadError(code, e.what(), e.code() == ErrorCode::single_label_class ? s.labels_file : s.probs_file, 0,
                         0);
    if (e.code() == ErrorCode::label_out_of_range)
        return ReadError(code, e.what(), s.labels_file, s.labels_first_row + e.example(), s.labels_column);
    const auto cls = static_cast<std::size_t>(e.class_index());
    const std::int64_t column = cls < s.probs_columns.size() ? s.probs_columns[cls] : 0;
    return ReadError(code, e.what(), s.probs_file, s.probs_first_row + e.example(), column);
}

Warnings validate_dataset(const Dataset& d, bool require_two_label_classes, bool allow_unnormalized,
                          Warnings* value_warnings) {
    Warnings warnings;
    try {
        const ValidationOptions options{require_two_label_classes};
        warnings = d.is_float32() ? validate_inputs(d.labels_view(), d.probs_view_f32(), options)
                                  : validate_inputs(d.labels_view(), d.probs_view(), options);
    } catch (const LabelScopeError& e) {
        throw locate_error(e, d);
    }
    if (value_warnings != nullptr) *value_warnings = warnings;
    if (!allow_unnormalized) check_probabilities_plausible(d, warnings);
    return warnings;
}

ReadError in_data_rows(const ReadError& e, std::int64_t first_data_row) {
    if (e.row() <= 0 || first_data_row <= 1) return e;
    // A row before the data (the header line) is no data row: it is named as the file's line.
    if (e.row() < first_data_row) return ReadError(e.code(), e.what(), e.file(), 0, e.column(), e.row());
    return ReadError(e.code(), e.what(), e.file(), e.row() - (first_data_row - 1), e.column());
}

ReadError in_data_rows(const ReadError& e, const Dataset& d) {
    const SourceMap& s = d.source;
    if (e.file() == s.labels_file) return in_data_rows(e, s.labels_first_row);
    if (e.file() == s.probs_file) return in_data_rows(e, s.probs_first_row);
    return e;
}

ReadError DatasetReader::in_data_rows(const ReadError& e) const {
    if (parts_->labels && parts_->labels->file == e.file()) return io::in_data_rows(e, parts_->labels->first_row);
    if (parts_->probs && parts_->probs->file == e.file()) return io::in_data_rows(e, parts_->probs->first_row);
    // The file being read, its header decided before it gave any output (or an error in the header).
    if (parts_->reading_file == e.file()) return io::in_data_rows(e, parts_->reading_first_row);
    return e;
}

}  // namespace labelscope::io
