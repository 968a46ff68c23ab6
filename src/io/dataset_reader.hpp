// Builds a Dataset from files that arrive in chunks: a labels file + a pred_probs file (CSV, TSV
// or .npy), or one combined CSV. Memory holds the parsed values, never the whole text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/parallel.hpp"
#include "io/dataset.hpp"
#include "io/fingerprint.hpp"
#include "io/read_error.hpp"

namespace labelscope::io {

enum class FileRole { labels, pred_probs, combined };

struct ReadOptions {
    // Combined CSV: the label column's name. Empty = label, labels, given_label, y, ... (label_column.hpp).
    std::string label_column;
    // Combined CSV: the probability columns by name. Empty = every numeric column that is not the
    // label, a truth column (true_label, is_error) or an id-like column.
    std::vector<std::string> probability_columns;
    // Names for integer labels (index = class). Used when pred_probs has no header.
    std::vector<std::string> class_names;
    bool float32 = false;  // store probabilities as float (arithmetic stays double)
    // Accept probabilities whose rows mostly do not sum to 1 (with a warning) instead of refusing
    // them as implausible (io/plausibility.hpp).
    bool allow_unnormalized = false;
    // Hash every byte read into Dataset::fingerprint (the page's resume needs it; the native CLI,
    // which prints no fingerprint, turns it off: ~0.2 s of CPU per GB of CSV).
    bool fingerprint = true;
};

class FileParser;    // one per file being read
struct ReaderParts;  // what the files contributed so far

class DatasetReader {
public:
    explicit DatasetReader(ReadOptions options = {});
    ~DatasetReader();
    DatasetReader(const DatasetReader&) = delete;
    DatasetReader& operator=(const DatasetReader&) = delete;

    // Files are read one at a time. `total_bytes` (0 = unknown) only sizes buffers up front.
    void begin_file(FileRole role, const std::string& name, std::uint64_t total_bytes = 0);
    void feed(const std::uint8_t* data, std::size_t size);
    void end_file();

    // Combines what was read. Throws ReadError naming the file, row and column.
    Dataset finish();
    // An error of this reader (file rows) in the rows people count (in_data_rows below).
    ReadError in_data_rows(const ReadError& error) const;

private:
    ReadOptions options_;
    std::unique_ptr<ReaderParts> parts_;
    std::unique_ptr<FileParser> current_;
    FileRole current_role_ = FileRole::labels;
    Fingerprint fingerprint_;  // of every byte fed, for Dataset::fingerprint
    BackgroundTask hashing_;   // a big chunk is hashed on a helper while it is parsed
};

// Threads the readers use: 1, or 2 when a helper thread warms fresh memory while a big file is
// read (builds with threads, on a machine with more than one core; src/io/page_warmer.hpp).
int reader_threads();

// A pred_probs CSV's rows are read on several threads (src/core/parallel.hpp) in runs of at least
// `min_bytes`, split into pieces of at least `piece_bytes`; the values are the same either way.
// Tests make both small to split tiny files; 0 restores the default (256 KiB, 64 KiB).
void set_parallel_read_sizes(std::size_t min_bytes, std::size_t piece_bytes);

// Checks the values with the core (NaN, range, labels vs classes, ...) and returns its warnings,
// or throws a ReadError that names the file, row and column of the offending value. Unless
// `allow_unnormalized`, probabilities whose rows mostly do not sum to 1 are refused as implausible.
// `value_warnings` (optional) gets the core's own validation warnings alone: an analysis of these
// values may skip validating them again and start its warnings with these.
Warnings validate_dataset(const Dataset& dataset, bool require_two_label_classes = true, bool allow_unnormalized = true,
                          Warnings* value_warnings = nullptr);

// Turns a core error about example i / class k into the file, row and column it came from.
ReadError locate_error(const LabelScopeError& error, const Dataset& dataset);

// People count rows from the data: row N is the N-th data row of its file, the header not counted
// (row 0: the file as a whole). The parsers and locate_error work in file rows (row 1 = the first
// line); the edges (bindings, native CLI) turn their errors into data rows with these, given the
// file row of the first data row. An error in the header line gets row 0 and line = its file line.
ReadError in_data_rows(const ReadError& error, std::int64_t first_data_row);
ReadError in_data_rows(const ReadError& error, const Dataset& dataset);

}  // namespace labelscope::io
