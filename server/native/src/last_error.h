// The thread-local last error and the CATCH macro every export wraps its body in,
// so that no C++ exception ever unwinds into the managed caller (an exception
// crossing a P/Invoke boundary terminates the .NET process).
#pragma once

#include <c10/util/Exception.h>

#include <exception>
#include <string>

namespace colorizebridge {

struct LastError {
  bool isSet = false;
  std::string message;
};

// One per thread: the C# side reads it right after the failing call, on the same thread.
inline thread_local LastError lastError;

inline void clearLastError() noexcept { lastError.isSet = false; }

inline void setLastError(const char* message) noexcept {
  try {
    lastError.message = message;
  } catch (...) {
    lastError.message.clear();  // out of memory while copying: keep an empty message rather than none
  }
  lastError.isSet = true;
}

}  // namespace colorizebridge

// Runs the statements after `failure` (variadic, so commas in them need no
// parentheses); on any exception stores its message and returns `failure`.
// c10::Error carries a C++ backtrace in what(); callers want the message only.
#define CBT_CATCH_RETURN(failure, ...)                                  \
  do {                                                                  \
    ::colorizebridge::clearLastError();                                 \
    try {                                                               \
      __VA_ARGS__                                                       \
    } catch (const c10::Error& error) {                                 \
      ::colorizebridge::setLastError(error.what_without_backtrace());  \
    } catch (const std::exception& error) {                             \
      ::colorizebridge::setLastError(error.what());                     \
    } catch (...) {                                                     \
      ::colorizebridge::setLastError("unknown native exception");       \
    }                                                                   \
    return failure;                                                     \
  } while (false)
