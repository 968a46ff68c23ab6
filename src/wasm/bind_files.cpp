// Bindings for what the page needs to know about a file before and after reading it: sniffFile
// (format, role, header, a problem that makes it unusable) and LabelRewriter (corrected labels
// written into the file they came from). src/js/files.js shapes both.
#include "io/label_rewriter.hpp"
#include "io/sniff.hpp"
#include "wasm/marshal.hpp"

namespace labelscope::wasm {
namespace {

val strings(const std::vector<std::string>& v) {
    val a = val::array();
    for (std::size_t i = 0; i < v.size(); ++i) a.set(i, v[i]);
    return a;
}

std::vector<std::uint8_t> bytes_in(const val& bytes) { return copy_in<std::uint8_t>(bytes); }

// head: Uint8Array of the file's first bytes; complete: they are the whole file.
val sniff_file(std::string name, val head, bool complete) {
    return guarded([&]() -> val {
        const std::vector<std::uint8_t> bytes = bytes_in(head);
        const io::Sniffed s = io::sniff_file(name, bytes.data(), bytes.size(), complete);
        val r = val::object();
        r.set("format", s.format);
        r.set("role", s.role);
        r.set("reason", s.reason);
        r.set("labelColumn", s.label_column.empty() ? val::null() : val(s.label_column));
        r.set("columns", s.columns.empty() ? val::null() : strings(s.columns));
        r.set("firstRow", strings(s.first_row));
        if (!s.shape.empty()) {
            val shape = val::array();
            for (std::size_t i = 0; i < s.shape.size(); ++i) shape.set(i, static_cast<double>(s.shape[i]));
            r.set("shape", shape);
            r.set("descr", s.descr);
        }
        r.set("looksLikeFeatures", s.looks_like_features);
        r.set("namedAsProbabilities", s.named_as_probabilities);
        if (s.problem)
            r.set("problem", error_out(s.problem->code(), s.problem->what(), s.problem->file(), s.problem->row(),
                                       s.problem->column(), -1, -1, s.problem->line())["error"]);
        return r;
    });
}

class LabelRewriterHandle {
public:
    // o: { labels: string[] (one per data row), labelColumn (1-based), hasHeader, addOriginal }
    LabelRewriterHandle(std::string name, val o) {
        const auto n = o["labels"]["length"].as<std::size_t>();
        std::vector<std::string> labels(n);
        for (std::size_t i = 0; i < n; ++i) labels[i] = o["labels"][i].as<std::string>();
        io::RewriteOptions options;
        options.label_column = static_cast<std::int64_t>(num(o, "labelColumn", 1));
        options.has_header = flag(o, "hasHeader", true);
        options.add_original = flag(o, "addOriginal", true);
        rewriter_ = std::make_unique<io::LabelRewriter>(std::move(name), std::move(labels), options);
    }
    // {text} for the rows completed by these bytes, or {error}.
    val feed(val bytes) {
        return guarded([&] {
            const std::vector<std::uint8_t> b = bytes_in(bytes);
            val r = val::object();
            r.set("text", rewriter_->feed(b.data(), b.size()));
            return r;
        });
    }
    val finish() {
        return guarded([&] {
            val r = val::object();
            r.set("text", rewriter_->finish());
            return r;
        });
    }

private:
    std::unique_ptr<io::LabelRewriter> rewriter_;
};

}  // namespace
}  // namespace labelscope::wasm

EMSCRIPTEN_BINDINGS(labelscope_files) {
    using namespace emscripten;
    function("sniffFile", &labelscope::wasm::sniff_file);
    class_<labelscope::wasm::LabelRewriterHandle>("LabelRewriter")
        .constructor<std::string, val>()
        .function("feed", &labelscope::wasm::LabelRewriterHandle::feed)
        .function("finish", &labelscope::wasm::LabelRewriterHandle::finish);
}
