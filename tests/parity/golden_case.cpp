#include "parity/golden_case.hpp"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parity {
namespace {

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& what) {
    throw std::runtime_error(file + ":" + std::to_string(line) + ": " + what);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw std::runtime_error("cannot read " + path);
    return ss.str();
}

// Lines without their terminator; a final empty line (trailing newline) is dropped, any other
// empty line is kept so the caller rejects it.
std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

std::vector<std::string> split_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = line.find(',', start);
        fields.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return fields;
}

std::vector<std::int32_t> load_labels(const std::string& path) {
    const auto lines = split_lines(read_file(path));
    if (lines.empty() || lines[0] != "label") fail(path, 1, "header must be exactly 'label' (single-label case)");
    std::vector<std::int32_t> labels;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string& s = lines[i];
        if (s.empty()) fail(path, i + 1, "empty line");
        errno = 0;
        char* end = nullptr;
        const long long v = std::strtoll(s.c_str(), &end, 10);
        if (end != s.c_str() + s.size() || errno != 0 || v < 0 || v > INT32_MAX)
            fail(path, i + 1, "not a non-negative int32 label: '" + s + "'");
        labels.push_back(static_cast<std::int32_t>(v));
    }
    return labels;
}

// strtod gives the correctly rounded double (docs/ALGORITHMS.md §2.3, §17: cleanlab ran on exactly these values).
void load_probs(const std::string& path, std::vector<double>& out, std::size_t& rows, std::size_t& cols) {
    const auto lines = split_lines(read_file(path));
    if (lines.empty()) fail(path, 1, "empty file");
    const auto header = split_fields(lines[0]);
    for (std::size_t c = 0; c < header.size(); ++c)
        if (header[c] != "p" + std::to_string(c))
            fail(path, 1,
                 "header column " + std::to_string(c + 1) + " must be 'p" + std::to_string(c) + "', got '" + header[c] +
                     "'");
    cols = header.size();
    rows = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto fields = split_fields(lines[i]);
        if (fields.size() != cols)
            fail(path, i + 1, "expected " + std::to_string(cols) + " fields, got " + std::to_string(fields.size()));
        for (std::size_t c = 0; c < cols; ++c) {
            const std::string& s = fields[c];
            char* end = nullptr;
            errno = 0;
            const double v = std::strtod(s.c_str(), &end);
            // ERANGE on underflow still gives the correctly rounded subnormal/zero; accept it.
            if (s.empty() || end != s.c_str() + s.size() || (errno == ERANGE && std::abs(v) > 1.0))
                fail(path, i + 1, "column " + std::to_string(c + 1) + ": not a number: '" + s + "'");
            out.push_back(v);
        }
        ++rows;
    }
}

}  // namespace

std::string golden_dir() { return std::string(LABELSCOPE_FIXTURES_DIR) + "/golden"; }

GoldenCase load_golden_case(const std::string& name) {
    GoldenCase gc;
    gc.name = name;
    gc.dir = golden_dir() + "/" + name;

    const std::string json_path = gc.dir + "/expected.json";
    try {
        gc.expected = nlohmann::json::parse(read_file(json_path));  // nlohmann parses floats with strtod
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(json_path + ": " + e.what());
    }
    gc.labels = load_labels(gc.dir + "/labels.csv");
    load_probs(gc.dir + "/pred_probs.csv", gc.probs, gc.n, gc.k);

    const std::string probs_path = gc.dir + "/pred_probs.csv";
    if (gc.n == 0 || gc.k == 0) fail(probs_path, 1, "no data");
    if (gc.labels.size() != gc.n)
        fail(gc.dir + "/labels.csv", gc.labels.size() + 1,
             std::to_string(gc.labels.size()) + " labels but " + std::to_string(gc.n) + " pred_probs rows");

    // meta is not an output, but a mismatch means the wrong files were read.
    const auto& meta = gc.expected.at("meta");
    if (meta.at("multilabel").get<bool>()) fail(json_path, 0, "meta.multilabel is true: not a single-label case");
    if (meta.at("N").get<std::size_t>() != gc.n || meta.at("K").get<std::size_t>() != gc.k)
        fail(json_path, 0, "meta N/K do not match the CSV files");
    if (meta.at("case").get<std::string>() != name) fail(json_path, 0, "meta.case differs from the folder name");

    gc.label_counts.assign(gc.k, 0);
    for (std::size_t i = 0; i < gc.n; ++i) {
        if (static_cast<std::size_t>(gc.labels[i]) >= gc.k)
            fail(gc.dir + "/labels.csv", i + 2, "label " + std::to_string(gc.labels[i]) + " >= K");
        ++gc.label_counts[static_cast<std::size_t>(gc.labels[i])];
    }
    return gc;
}

}  // namespace parity
