// Process-wide state: the last error, libtorch's thread pool and CUDA discovery.
#include "colorizebridge_native.h"
#include "last_error.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <stdexcept>

extern "C" {

const char* CBT_lastError(void) {
  const auto& error = colorizebridge::lastError;
  return error.isSet ? error.message.c_str() : nullptr;
}

int32_t CBT_setNumThreads(int32_t count) {
  CBT_CATCH_RETURN(-1, {
    if (count < 1) throw std::invalid_argument("thread count must be at least 1, got " + std::to_string(count));
    at::set_num_threads(count);
    return 0;
  });
}

int32_t CBT_getNumThreads(void) {
  CBT_CATCH_RETURN(-1, { return static_cast<int32_t>(at::get_num_threads()); });
}

int32_t CBTDevice_cudaAvailable(void) {
  CBT_CATCH_RETURN(-1, { return torch::cuda::is_available() ? 1 : 0; });
}

int32_t CBTDevice_cudaCount(void) {
  CBT_CATCH_RETURN(-1, { return static_cast<int32_t>(torch::cuda::device_count()); });
}

}  // extern "C"
