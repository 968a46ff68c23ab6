// --multi-label on find-issues, scores, health and audit: what the Node CLI's src/cli/cmd-multilabel.mjs
// prints, on a multi-label dataset read into memory; and the "looks multi-label" hint a
// single-label read of label sets gives.
#pragma once

#include <string>
#include <vector>

#include "io/multilabel_reader.hpp"
#include "io/read_error.hpp"
#include "native/args.hpp"
#include "native/commands.hpp"
#include "native/input.hpp"

namespace labelscope::cli {

// Runs `command` with --multi-label. Throws LabelScopeError as the core does (options are parsed
// after the inputs are validated, in the order the bindings parse them).
CommandResult run_multilabel_command(const std::string& command, const io::MultiLabelDataset& dataset,
                                     const Warnings& read_warnings, const Values& values);

// A core error about example i / class k of the dataset, as its file, row and column (data rows).
io::ReadError locate_multilabel_error(const LabelScopeError& error, const io::MultiLabelDataset& dataset);

// A single-label read that failed on a label such as 'news;sport' (unknown_class or bad_label):
// the looks_multi_label error the Node CLI reports instead (with the count of rows holding several
// labels, from the labels file); any other error unchanged.
io::ReadError multi_label_hint(const io::ReadError& error, const std::vector<InputFile>& files);

}  // namespace labelscope::cli
