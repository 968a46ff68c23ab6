// What the feature readers produce for cross-validation: labels with their class names, and the
// features, either a table's columns (numeric, categorical, one free text) or an N x D block
// (pixels, embeddings), with a record of which column was used as what and why.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace labelscope::io {

enum class ColumnUse { label, numeric, categorical, text, id, truth, probability, ignored };
const char* to_string(ColumnUse use);

// One column of the input and the use chosen for it (shown to the person, changeable by options).
struct ColumnChoice {
    std::string name;
    std::int64_t column = 0;  // 1-based file column; 0 when not from a CSV
    ColumnUse use = ColumnUse::ignored;
    std::string reason;        // why, in a few words
    std::size_t distinct = 0;  // distinct values (text columns), 0 when not counted
    std::size_t missing = 0;   // missing cells
};

struct NumericFeature {
    std::string name;
    std::vector<double> values;  // NaN = missing (only when imputation was asked for)
};

struct CategoricalFeature {
    std::string name;
    std::vector<std::int32_t> codes;  // index into levels; -1 = missing
    std::vector<std::string> levels;
};

struct TextFeature {
    std::string name;
    std::vector<std::string> texts;
};

// Labels as class indices with their names: names as the labels give them, sorted (as
// scikit-learn's classes_), or "0".."K-1" for integer labels.
struct LabelSet {
    std::string file;
    std::vector<std::int32_t> labels;
    std::vector<std::string> class_names;
};

struct FeatureTable {
    std::string file;
    std::size_t num_examples = 0;
    LabelSet labels;
    std::string label_column;
    std::vector<NumericFeature> numeric;
    std::vector<CategoricalFeature> categorical;
    std::vector<TextFeature> text;  // zero or one
    // The id, known-truth and text columns as read, in file order: shown beside the results.
    std::vector<TextFeature> passthrough;
    std::vector<ColumnChoice> columns;
    std::vector<std::string> notes;
};

// A row-major rows x cols block of features in the type it was stored in (the narrowest exact one).
struct DenseFeatures {
    enum class Type { u8, f32, f64 };
    std::string file;
    std::size_t rows = 0, cols = 0;
    Type type = Type::f64;
    std::vector<std::uint8_t> u8;
    std::vector<float> f32;
    std::vector<double> f64;
    std::vector<std::size_t> image_shape;  // e.g. {28, 28} from a 3-D .npy; empty otherwise
    std::vector<std::string> notes;
    const void* data() const {
        return type == Type::u8    ? static_cast<const void*>(u8.data())
               : type == Type::f32 ? static_cast<const void*>(f32.data())
                                   : static_cast<const void*>(f64.data());
    }
};

}  // namespace labelscope::io
