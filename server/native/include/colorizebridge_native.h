/*
 * ColorizeBridge native bridge: a flat C API over libtorch's TorchScript runtime.
 *
 * Rules every function follows (see README.md):
 *  - No C++ exception crosses this boundary. A failing call stores a message
 *    in a thread-local last error (read it with CBT_lastError on the same
 *    thread) and returns NULL (handle results) or -1 (integer results).
 *    Every function that can fail clears the last error when it starts, so
 *    an error never outlives the next call.
 *  - Every handle a function creates is released by exactly one matching
 *    `_dispose`. Passing NULL to a `_dispose` is allowed and does nothing.
 */
#ifndef COLORIZEBRIDGE_NATIVE_H
#define COLORIZEBRIDGE_NATIVE_H

#include <stdint.h>

#if defined(_WIN32)
#define CBT_EXPORT __declspec(dllexport)
#else
#define CBT_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A TorchScript module loaded onto one device, in eval mode. */
typedef struct CBTModuleImpl* CBTModule;
/* The float32 CPU tensors one forward call returned. */
typedef struct CBTTensorListImpl* CBTTensorList;

/* ---- runtime.cpp: errors, threads, devices ---- */

/* The message of the last failed call on this thread, or NULL. Valid until the next call on this thread. */
CBT_EXPORT const char* CBT_lastError(void);
/* Sets libtorch's intra-op thread count (process-wide). Returns 0, or -1 for a count below 1. */
CBT_EXPORT int32_t CBT_setNumThreads(int32_t count);
/* libtorch's intra-op thread count. */
CBT_EXPORT int32_t CBT_getNumThreads(void);
/* 1 when this libtorch was built with CUDA and sees a device, else 0. */
CBT_EXPORT int32_t CBTDevice_cudaAvailable(void);
/* Number of visible CUDA devices (0 without CUDA). */
CBT_EXPORT int32_t CBTDevice_cudaCount(void);

/* ---- module.cpp: modules and their outputs ---- */

/*
 * Loads a TorchScript file onto `device` ("cpu", "cuda" or "cuda:N").
 * halfPrecision != 0 converts the module to float16 when the device is CUDA
 * (inputs are converted on the way in, outputs back to float32); it is
 * ignored on the CPU. Returns NULL on failure.
 */
CBT_EXPORT CBTModule CBTModule_load(const char* path, const char* device, int32_t halfPrecision);
/* 1 when the module runs in float16, 0 when in float32, -1 on error. */
CBT_EXPORT int32_t CBTModule_isHalfPrecision(CBTModule module);
CBT_EXPORT void CBTModule_dispose(CBTModule module);

/*
 * Runs forward on `inputCount` float32 tensors. Input i has rank ranks[i];
 * its dimensions are the next ranks[i] entries of `dims` (all inputs'
 * dimensions concatenated) and its data, contiguous row-major, is at data[i].
 * Input memory is only read during this call (outputs never alias it).
 * The module must return a tensor, or a tuple or list of tensors.
 * Returns NULL on failure (e.g. a shape the module rejects).
 */
CBT_EXPORT CBTTensorList CBTModule_forward(
    CBTModule module, int32_t inputCount, const float* const* data, const int32_t* ranks, const int64_t* dims);

/* Number of tensors in the list, or -1. */
CBT_EXPORT int32_t CBTTensorList_count(CBTTensorList list);
/* Rank of tensor `index`, or -1. */
CBT_EXPORT int32_t CBTTensorList_rank(CBTTensorList list, int32_t index);
/* Writes the dimensions of tensor `index` to dims[0..capacity). Returns its rank, or -1 when capacity is too small. */
CBT_EXPORT int32_t CBTTensorList_shape(CBTTensorList list, int32_t index, int64_t* dims, int32_t capacity);
/* Copies the float32 data of tensor `index` into destination, which holds exactly `length` elements. Returns 0 or -1. */
CBT_EXPORT int32_t CBTTensorList_copyData(CBTTensorList list, int32_t index, float* destination, int64_t length);
CBT_EXPORT void CBTTensorList_dispose(CBTTensorList list);

#ifdef __cplusplus
}
#endif

#endif /* COLORIZEBRIDGE_NATIVE_H */
