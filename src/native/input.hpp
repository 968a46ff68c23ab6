// The input files: checked before anything is read (missing, unreadable, a folder), then read in
// 1 MiB chunks through the io readers, as the Node CLI reads them (src/cli/input.mjs).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "io/dataset.hpp"
#include "io/dataset_reader.hpp"
#include "io/multilabel_reader.hpp"
#include "native/args.hpp"
#include "native/progress.hpp"

namespace labelscope::cli {

// A problem with a file found outside the readers (exit code 3): "file: message".
class InputError : public std::runtime_error {
public:
    InputError(const std::string& message, std::string file) : std::runtime_error(message), file_(std::move(file)) {}
    const std::string& file() const { return file_; }

private:
    std::string file_;
};

struct InputFile {
    io::FileRole role;
    std::string role_name;  // "labels", "predProbs" or "combined"
    std::string path;
    std::uint64_t size = 0;
};

// The files named on the command line, checked. Throws InputError.
std::vector<InputFile> input_files(const Values& values);

struct Input {
    io::Dataset dataset;
    Warnings warnings;  // the readers' (values used as given)
};

// The out_of_memory message of the native CLI (it has no WebAssembly memory limit to report).
extern const char* const OUT_OF_MEMORY_MESSAGE;

// Reads the files into a dataset. Throws io::ReadError (and InputError, std::exception); running out
// of memory while a file is read is an out_of_memory ReadError naming that file.
Input read_input(const std::vector<InputFile>& files, const Values& values, Progress& progress);

struct MultiLabelInput {
    io::MultiLabelDataset dataset;
    Warnings warnings;
};

// --multi-label: the files read as label sets and independent per-class probabilities.
MultiLabelInput read_multilabel_input(const std::vector<InputFile>& files, const Values& values, Progress& progress);

}  // namespace labelscope::cli
