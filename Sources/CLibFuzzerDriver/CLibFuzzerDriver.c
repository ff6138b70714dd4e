// Declarations only: libFuzzer itself is linked by Fuzz/fuzz.sh. C targets need one source file.
#include "CLibFuzzerDriver.h"
