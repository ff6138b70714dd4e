#ifndef C_LIBFUZZER_DRIVER_H
#define C_LIBFUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that keep their own `main` (libclang_rt.fuzzer_no_main).
/// Declared here so that Swift can call it; only the fuzzing build (Fuzz/fuzz.sh) links it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
