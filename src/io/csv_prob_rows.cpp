#include "io/csv_prob_rows.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <string_view>

#include "core/parallel.hpp"
#include "io/dataset_reader.hpp"

namespace labelscope::io {
namespace {

// Rows are read in parallel from this many bytes on, in pieces of at least piece_min_bytes: below,
// handing pieces to another thread costs more than it saves (set_parallel_read_sizes for tests).
std::atomic<std::size_t> parallel_min_bytes{std::size_t{256} << 10};
std::atomic<std::size_t> piece_min_bytes{std::size_t{64} << 10};

}  // namespace

void set_parallel_read_sizes(std::size_t min_bytes, std::size_t piece_bytes) {
    parallel_min_bytes.store(min_bytes == 0 ? std::size_t{256} << 10 : min_bytes);
    piece_min_bytes.store(piece_bytes == 0 ? std::size_t{64} << 10 : piece_bytes);
}

const char* csv_other_number(const char* p, char delimiter, bool decimal_comma, double& v) {
    const char* q = csv_cell_end(p, delimiter);
    if (q == nullptr) return nullptr;
    const auto parsed = parse_double(std::string_view(p, static_cast<std::size_t>(q - p)), decimal_comma);
    if (!parsed) return nullptr;
    v = *parsed;
    return q;
}

// A big enough run is split into pieces, each ending just after a line feed: the first read into
// the values on this thread, the others on the helper threads too into buffers of their own,
// appended in order. Each piece stops where one pass over the rows would (a row it cannot take),
// and the pieces after the first that stopped early are not used: the rows taken are exactly those
// of one pass.
template <class Value>
const char* ProbRows::read(const char* begin, const char* end, std::uint64_t offset, std::uint64_t total_bytes,
                           const ProbCells& cells, std::vector<Value>& values, const Grow<Value>& grow,
                           std::size_t& rows) {
    const std::size_t size = static_cast<std::size_t>(end - begin);
    const int threads = parallel_threads();
    std::size_t pieces = 1;
#if defined(__EMSCRIPTEN__)
    // As parallel_pieces: a WebAssembly helper pays for itself on big files only (~8 bytes a value).
    const bool big_enough = parallel_forced() || total_bytes >= std::uint64_t{WASM_MIN_WORK} * 8;
#else
    (void)total_bytes;
    const bool big_enough = true;
#endif
    if (threads > 1 && big_enough && size >= parallel_min_bytes.load(std::memory_order_relaxed))
        pieces =
            std::max<std::size_t>(2, std::min<std::size_t>(static_cast<std::size_t>(threads) * 2,
                                                           size / piece_min_bytes.load(std::memory_order_relaxed)));
    std::vector<const char*> bounds(pieces + 1, end);
    bounds[0] = begin;
    for (std::size_t i = 1; i < pieces; ++i) {
        const char* at = std::max(begin + piece_begin(size, pieces, i), bounds[i - 1]);
        const void* line_feed = at == end ? nullptr : std::memchr(at, '\n', static_cast<std::size_t>(end - at));
        bounds[i] = line_feed == nullptr ? end : static_cast<const char*>(line_feed) + 1;
    }
    auto& extra = buffers(values);
    if (extra.size() < pieces) extra.resize(pieces);
    std::vector<const char*> stops(pieces, nullptr);
    std::vector<std::size_t> taken(pieces, 0);
    run_pieces(pieces, [&](std::size_t i) {
        stops[i] = i == 0 ? first_piece(begin, bounds[1], offset, cells, values, grow, taken[0])
                          : piece(bounds[i], bounds[i + 1], cells, extra[i], taken[i]);
    });
    rows = taken[0];
    const char* p = stops[0];
    for (std::size_t i = 1; i < pieces && p == bounds[i]; ++i) {
        if (taken[i] > 0) {
            const std::size_t count = taken[i] * cells.k;
            if (values.capacity() - values.size() < count)
                grow(values, count, offset + static_cast<std::uint64_t>(bounds[i] - begin));
            values.insert(values.end(), extra[i].begin(), extra[i].begin() + static_cast<std::ptrdiff_t>(count));
            rows += taken[i];
        }
        p = stops[i];
    }
    return p;
}

// The first piece, on the calling thread: straight into `values` (no copy when there is one
// piece). Values are appended into room made for the whole row first, never zero-filled and then
// written (resize's memset is a tenth of the read in WebAssembly, which has no bulk memory
// instructions in the single-threaded core); a row not taken is cut off again.
template <class Value>
const char* ProbRows::first_piece(const char* begin, const char* end, std::uint64_t offset, const ProbCells& cells,
                                  std::vector<Value>& values, const Grow<Value>& grow, std::size_t& rows) const {
    const std::size_t k = cells.k;
    const char* p = begin;
    rows = 0;
    while (p != end && *p != '\n' && *p != '\r') {  // a blank line goes the usual way
        const std::size_t at = values.size();
        if (values.capacity() - at < k) grow(values, k, offset + static_cast<std::uint64_t>(p - begin));
        const char* next =
            csv_prob_row(p, end, cells, [&values](double v) { values.push_back(static_cast<Value>(v)); });
        if (next == nullptr) {
            values.resize(at);
            break;
        }
        p = next;
        ++rows;
    }
    return p;
}

// The rows of one piece, on any thread: into `out` (sized as needed, kept from run to run so its
// memory is fresh only once), counting `rows`, touching nothing else.
template <class Value>
const char* ProbRows::piece(const char* p, const char* end, const ProbCells& cells, std::vector<Value>& out,
                            std::size_t& rows) const {
    const std::size_t k = cells.k;
    std::size_t used = 0;
    rows = 0;
    while (p != end && *p != '\n' && *p != '\r') {  // a blank line goes the usual way
        if (out.size() - used < k) out.resize(std::max(out.size() * 2, used + k * 1024));
        Value* row = out.data() + used;
        const char* next = csv_prob_row(p, end, cells, [&row](double v) { *row++ = static_cast<Value>(v); });
        if (next == nullptr) break;
        p = next;
        used += k;
        ++rows;
    }
    return p;
}

template const char* ProbRows::read<double>(const char*, const char*, std::uint64_t, std::uint64_t, const ProbCells&,
                                            std::vector<double>&, const Grow<double>&, std::size_t&);
template const char* ProbRows::read<float>(const char*, const char*, std::uint64_t, std::uint64_t, const ProbCells&,
                                           std::vector<float>&, const Grow<float>&, std::size_t&);

}  // namespace labelscope::io
