// Big value buffers are written once, front to back, right after they are allocated. On Linux each
// 4 KiB page of fresh memory costs a page fault on first touch, and on the VMs this runs on that is
// ~3-4 ms per MiB: more than parsing the CSV text itself. Asking for transparent huge pages (2 MiB
// per fault) on such a buffer removes most of that. Elsewhere (WebAssembly, other systems) this is
// a no-op.
#pragma once

#include <cstddef>

namespace labelscope::io {

// Advises the kernel to back [data, data + bytes) with huge pages where it can (only the whole
// 2 MiB-aligned pieces inside; regions under 4 MiB are left alone). Never fails.
void advise_huge_pages(void* data, std::size_t bytes);

}  // namespace labelscope::io
