// TorchScript modules: load onto a device, run forward, hand the outputs back.
#include "colorizebridge_native.h"
#include "last_error.h"

#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/cuda.h>
#include <torch/script.h>

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct CBTModuleImpl {
  torch::jit::Module module;
  torch::Device device;
  // The dtype the module's parameters have, and so the one its inputs need.
  torch::ScalarType inputType;
};

struct CBTTensorListImpl {
  // Contiguous float32 CPU tensors that share no memory with the caller's inputs.
  std::vector<at::Tensor> tensors;
};

namespace {

template <typename Handle>
Handle* require(Handle* handle, const char* what) {
  if (handle == nullptr) throw std::invalid_argument(std::string(what) + " handle is null");
  return handle;
}

const char* requireText(const char* text, const char* what) {
  if (text == nullptr || *text == '\0') throw std::invalid_argument(std::string(what) + " is empty");
  return text;
}

// The profiling executor runs the first calls of every new input shape
// unoptimised while it records them, then re-specialises; the engine pads to
// varying sizes, so that would make latency erratic. The legacy executor
// optimises once. The setting is process-wide, so it is made before the first load.
void useLegacyExecutorOnce() {
  static const bool applied = [] {
    torch::jit::getProfilingMode() = false;
    return true;
  }();
  (void)applied;
}

torch::jit::Module loadModule(const char* path, const torch::Device& device) {
  try {
    return torch::jit::load(path, device);
  } catch (const c10::Error& error) {
    throw std::runtime_error(std::string("cannot load TorchScript module '") + path + "': " + error.what_without_backtrace());
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("cannot load TorchScript module '") + path + "': " + error.what());
  }
}

void appendTensor(const c10::IValue& value, std::vector<at::Tensor>& tensors) {
  if (!value.isTensor()) {
    throw std::runtime_error("forward returned a " + value.tagKind() + " inside its result; expected only tensors");
  }
  tensors.push_back(value.toTensor());
}

std::vector<at::Tensor> outputTensors(const c10::IValue& result) {
  std::vector<at::Tensor> tensors;
  if (result.isTensor()) {
    tensors.push_back(result.toTensor());
  } else if (result.isTuple()) {
    for (const auto& element : result.toTupleRef().elements()) appendTensor(element, tensors);
  } else if (result.isList()) {
    for (const auto& element : result.toListRef()) appendTensor(element, tensors);
  } else {
    throw std::runtime_error("forward returned a " + result.tagKind() + "; expected a tensor or a tuple or list of tensors");
  }
  return tensors;
}

// Outputs go back to the caller as float32 on the CPU. A module may return
// (a view of) an input, which on the CPU is the caller's memory, valid only
// during the call: such outputs are copied.
at::Tensor toCallerOutput(const at::Tensor& output, const std::vector<at::Tensor>& callerInputs) {
  at::Tensor converted = output.to(torch::kCPU, torch::kFloat32).contiguous();
  for (const auto& input : callerInputs) {
    if (converted.is_alias_of(input)) return converted.clone();
  }
  return converted;
}

const at::Tensor& tensorAt(CBTTensorList list, int32_t index) {
  const auto& tensors = require(list, "tensor list")->tensors;
  if (index < 0 || static_cast<size_t>(index) >= tensors.size()) {
    throw std::out_of_range("tensor index " + std::to_string(index) + " is outside the list of " +
                            std::to_string(tensors.size()));
  }
  return tensors[static_cast<size_t>(index)];
}

}  // namespace

extern "C" {

CBTModule CBTModule_load(const char* path, const char* device, int32_t halfPrecision) {
  CBT_CATCH_RETURN(nullptr, {
    requireText(path, "module path");
    const torch::Device target(requireText(device, "device name"));
    if (target.is_cuda() && !torch::cuda::is_available()) {
      throw std::runtime_error(std::string("device '") + device +
                               "' requested but CUDA is not available (libtorch built without CUDA, or no GPU visible)");
    }
    useLegacyExecutorOnce();
    torch::NoGradGuard noGrad;
    torch::jit::Module module = loadModule(path, target);
    const bool half = halfPrecision != 0 && target.is_cuda();
    if (half) module.to(torch::kHalf);
    module.eval();
    return new CBTModuleImpl{std::move(module), target, half ? torch::kHalf : torch::kFloat32};
  });
}

int32_t CBTModule_isHalfPrecision(CBTModule module) {
  CBT_CATCH_RETURN(-1, { return require(module, "module")->inputType == torch::kHalf ? 1 : 0; });
}

void CBTModule_dispose(CBTModule module) { delete module; }

CBTTensorList CBTModule_forward(
    CBTModule module, int32_t inputCount, const float* const* data, const int32_t* ranks, const int64_t* dims) {
  CBT_CATCH_RETURN(nullptr, {
    require(module, "module");
    if (inputCount < 0) throw std::invalid_argument("input count is negative");
    if (inputCount > 0 && (data == nullptr || ranks == nullptr)) throw std::invalid_argument("input arrays are null");

    // Inference tensors skip autograd and version-counter bookkeeping; guards are per thread.
    c10::InferenceMode inferenceMode;
    std::vector<at::Tensor> callerInputs;
    std::vector<c10::IValue> inputs;
    callerInputs.reserve(static_cast<size_t>(inputCount));
    inputs.reserve(static_cast<size_t>(inputCount));
    const int64_t* nextDims = dims;
    for (int32_t i = 0; i < inputCount; ++i) {
      const int32_t rank = ranks[i];
      if (rank < 0) throw std::invalid_argument("input " + std::to_string(i) + " has a negative rank");
      const at::IntArrayRef shape(nextDims, static_cast<size_t>(rank));
      nextDims += rank;
      for (const int64_t dim : shape) {
        if (dim < 0) throw std::invalid_argument("input " + std::to_string(i) + " has a negative dimension");
      }
      if (data[i] == nullptr && c10::multiply_integers(shape) > 0) {
        throw std::invalid_argument("input " + std::to_string(i) + " has no data");
      }
      // No copy on the CPU: the module reads the caller's (pinned) memory directly.
      // const_cast: from_blob takes void*, and TorchScript inference does not write to its inputs.
      at::Tensor callerInput = torch::from_blob(const_cast<float*>(data[i]), shape, torch::kFloat32);
      inputs.emplace_back(callerInput.to(module->device, module->inputType));
      callerInputs.push_back(std::move(callerInput));
    }

    const c10::IValue result = module->module.forward(std::move(inputs));
    auto list = std::make_unique<CBTTensorListImpl>();
    for (const auto& output : outputTensors(result)) {
      list->tensors.push_back(toCallerOutput(output, callerInputs));
    }
    return list.release();
  });
}

int32_t CBTTensorList_count(CBTTensorList list) {
  CBT_CATCH_RETURN(-1, { return static_cast<int32_t>(require(list, "tensor list")->tensors.size()); });
}

int32_t CBTTensorList_rank(CBTTensorList list, int32_t index) {
  CBT_CATCH_RETURN(-1, { return static_cast<int32_t>(tensorAt(list, index).dim()); });
}

int32_t CBTTensorList_shape(CBTTensorList list, int32_t index, int64_t* dims, int32_t capacity) {
  CBT_CATCH_RETURN(-1, {
    const auto sizes = tensorAt(list, index).sizes();
    const auto rank = static_cast<int32_t>(sizes.size());
    if (capacity < rank || (rank > 0 && dims == nullptr)) {
      throw std::invalid_argument("shape buffer holds " + std::to_string(capacity) + " dimensions, the tensor has " +
                                  std::to_string(rank));
    }
    std::copy(sizes.begin(), sizes.end(), dims);
    return rank;
  });
}

int32_t CBTTensorList_copyData(CBTTensorList list, int32_t index, float* destination, int64_t length) {
  CBT_CATCH_RETURN(-1, {
    const at::Tensor& tensor = tensorAt(list, index);
    if (length != tensor.numel()) {
      throw std::invalid_argument("destination holds " + std::to_string(length) + " floats, the tensor has " +
                                  std::to_string(tensor.numel()));
    }
    if (length > 0) {
      if (destination == nullptr) throw std::invalid_argument("destination is null");
      std::memcpy(destination, tensor.data_ptr<float>(), static_cast<size_t>(length) * sizeof(float));
    }
    return 0;
  });
}

void CBTTensorList_dispose(CBTTensorList list) { delete list; }

}  // extern "C"
