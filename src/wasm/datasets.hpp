// What the single- and multi-label bindings share about datasets: a reader handle that takes files
// in chunks, an analysis run on whichever values (float64 or float32) a dataset holds, and the parts
// of a dataset's info() and probabilityRows() that do not depend on the kind of labels.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "wasm/marshal.hpp"

namespace labelscope::wasm {

// f(labels view, probabilities view) on the values the dataset holds.
template <class D, class F>
val on_values(const D& d, F&& f) {
    return d.is_float32() ? f(d.labels_view(), d.probs_view_f32()) : f(d.labels_view(), d.probs_view());
}

// An analysis `Fn` (a struct with a static run(labels, probs, options)) on dataset d, its errors
// located in d's files.
template <class Fn, class D>
val analyse(const D& d, const val& o) {
    return guarded([&] { return on_values(d, [&](auto y, auto p) { return Fn::run(y, p, o); }); }, &d);
}

// {values: Float64Array}: probabilities of rows [start, start + count) (clamped), for display.
template <class D>
val probability_rows(const D& d, std::size_t start, std::size_t count) {
    start = std::min(start, d.num_examples);
    count = std::min(count, d.num_examples - start);
    std::vector<double> v(count * d.num_classes);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = d.is_float32() ? d.probs_f32[start * d.num_classes + i] : d.probs[start * d.num_classes + i];
    val r = val::object();
    r.set("values", out(v));
    return r;
}

// The start of info(): numExamples, numClasses, classNames.
template <class D>
val info_head(const D& d) {
    val r = val::object();
    r.set("numExamples", static_cast<double>(d.num_examples));
    r.set("numClasses", static_cast<double>(d.num_classes));
    r.set("classNames", strings_out(d.class_names));
    return r;
}

// The file-level parts of info(): extraColumns (the id/text columns), notes, fingerprint.
template <class D>
void info_files(val& r, const D& d) {
    r.set("extraColumns", text_columns_out(d.extra_columns));
    r.set("notes", strings_out(d.notes));
    r.set("fingerprint", d.fingerprint);
}

// The JS reader handle: beginFile/feed/endFile per file, then finish() -> {dataset, warnings} or
// {error}. `Files` holds the io reader: reader(), float32 (for the out-of-memory advice),
// data_rows(ReadError) (the error in the rows people count) and finish().
template <class Files>
class ChunkedReader {
public:
    explicit ChunkedReader(val o) : files_(o) {}

    val beginFile(std::string role, std::string name, double total_bytes) {
        return step(
            [&] { files_.reader().begin_file(file_role(role), name, static_cast<std::uint64_t>(total_bytes)); });
    }

    // bytes: Uint8Array chunk, copied once into a reused buffer.
    val feed(val bytes) {
        return step([&] {
            const auto n = bytes["length"].as<std::size_t>();
            buffer_.resize(n);
            val(emscripten::typed_memory_view(n, buffer_.data())).call<void>("set", bytes);
            files_.reader().feed(buffer_.data(), n);
        });
    }

    val endFile() {
        return step([&] { files_.reader().end_file(); });
    }

    // The caller owns the dataset handle (.delete()).
    val finish() {
        return run([&] { return files_.finish(); });
    }

private:
    template <class F>
    val run(F&& f) {
        return guarded(
            [&]() -> val {
                try {
                    return f();
                } catch (const io::ReadError& e) {
                    throw files_.data_rows(e);
                }
            },
            static_cast<const io::Dataset*>(nullptr), files_.float32);
    }
    template <class F>
    val step(F&& f) {
        return run([&] {
            f();
            return val::object();
        });
    }

    Files files_;
    std::vector<std::uint8_t> buffer_;
};

}  // namespace labelscope::wasm
