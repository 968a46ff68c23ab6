// The stored features behind learn::Features (internal to src/learn).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "learn/learn.hpp"

namespace labelscope::learn {

struct Features::Data {
    std::size_t rows = 0;

    // Dense block, row-major rows x dense_cols, in exactly one of the three vectors: the narrowest
    // type that holds every value exactly. NaN marks a value to impute (Missing::mean) in f32/f64.
    enum class Storage { none, u8, f32, f64 } storage = Storage::none;
    std::size_t dense_cols = 0;
    std::vector<std::uint8_t> u8;
    std::vector<float> f32;
    std::vector<double> f64;
    bool has_missing = false;

    // Text block: per row, hashed n-gram buckets (renumbered 0..text_cols-1 in bucket order) and
    // their counts, CSR with text_row_ptr of length rows + 1 (empty when there is no text).
    std::size_t text_cols = 0;
    std::vector<std::uint32_t> text_row_ptr, text_col, text_count;
};

}  // namespace labelscope::learn
