// The part of libvips' (and GLib's) C interface that CSyndicateVips.c uses, declared here so that
// building Syndicate needs no libvips development headers (libvips is opened with dlopen at run
// time, and a machine without it still builds and tests the package).
//
// Read from the headers of libvips 8.14.1 (Debian 12's libvips-dev: vips/image.h, resample.h,
// foreign.h, header.h, conversion.h, create.h, arithmetic.h, type.h, error.h, vips.h) and GLib
// 2.74 (gtypes.h). libvips keeps its C ABI stable across 8.x (the soname has been libvips.so.42
// since 8.0); enum values are only ever appended, and the option names passed to the variadic
// calls are the documented names of each operation's arguments.

#ifndef CSYNDICATE_VIPS_ABI_H
#define CSYNDICATE_VIPS_ABI_H

#include <stddef.h>

/// An image: opaque here (a GObject in libvips).
typedef struct _VipsImage VipsImage;
/// An array of doubles (VipsArea underneath), as options such as `background` take.
typedef struct _VipsArrayDouble VipsArrayDouble;
typedef struct _VipsArea VipsArea;

/// GLib's boolean: an int (gtypes.h `typedef gint gboolean`).
typedef int gboolean;
#define VIPS_ABI_TRUE 1

/// `GLogLevelFlags` (gmessages.h): G_LOG_LEVEL_WARNING is 1 << 4.
enum { G_LOG_LEVEL_WARNING = 1 << 4 };
/// `VipsSize` (resample.h): BOTH 0, UP 1, DOWN 2, FORCE 3.
enum { VIPS_SIZE_DOWN = 2 };
/// `VipsBandFormat` (image.h): UCHAR 0.
enum { VIPS_FORMAT_UCHAR = 0 };
/// `VipsInterpretation` (image.h): sRGB 22.
enum { VIPS_INTERPRETATION_sRGB = 22 };
/// `vips_version()` flags (vips.h): 0 major, 1 minor, 2 micro.
enum { VIPS_VERSION_MAJOR = 0, VIPS_VERSION_MINOR = 1, VIPS_VERSION_MICRO = 2 };

#endif
