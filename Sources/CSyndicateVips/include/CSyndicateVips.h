#ifndef CSYNDICATE_VIPS_H
#define CSYNDICATE_VIPS_H

/// The C half of `VipsImageResizer`: the few libvips calls that scale and re-encode an image,
/// with libvips loaded by `dlopen` on first use rather than linked, so that the package builds
/// and runs without libvips (the resizer is then unavailable and says how to install it).
///
/// libvips' option-taking functions are variadic, which Swift cannot call; each wrapper here
/// makes one such call with fixed options. No libvips type appears in this header: an image is
/// an opaque `syndicate_vips_image`, and everything that speaks libvips' API stays in
/// CSyndicateVips.c. Every function that can fail returns NULL or 0 and writes libvips' error
/// text into `error` (at most `capacity` bytes, NUL-terminated).

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A decoded image in memory (a `VipsImage`); release it with `syndicate_vips_release`.
typedef struct syndicate_vips_image syndicate_vips_image;

/// Loads and initialises libvips if that is not done yet; returns 1 when it is usable, else 0
/// with the reason in `message`.
int syndicate_vips_load(char *_Nullable message, size_t capacity);

/// libvips' version, such as 8.14.1 (0s when it is not loaded).
void syndicate_vips_version(int *_Nonnull major, int *_Nonnull minor, int *_Nonnull micro);

/// The size of the encoded image in `data` once its EXIF orientation is applied (width and
/// height swap for orientations 5 to 8), read from the header alone. Returns 1, or 0 when the
/// bytes are not an image libvips can read.
int syndicate_vips_upright_size(const void *_Nonnull data, size_t length, int *_Nonnull width, int *_Nonnull height,
                                char *_Nullable error, size_t capacity);

/// The image in `data` decoded (a truncated file is an error), turned upright by its EXIF
/// orientation, and scaled down (never up, aspect ratio kept) to fit in `width` × `height`,
/// rendered into memory. `data` need not outlive the call. NULL on failure.
syndicate_vips_image *_Nullable syndicate_vips_decode(const void *_Nonnull data, size_t length, int width, int height,
                                                      char *_Nullable error, size_t capacity);

/// `image` scaled down (never up, aspect ratio kept) to fit in `width` × `height`, in memory.
syndicate_vips_image *_Nullable syndicate_vips_shrink(syndicate_vips_image *_Nonnull image, int width, int height,
                                                      char *_Nullable error, size_t capacity);

int syndicate_vips_width(syndicate_vips_image *_Nonnull image);
int syndicate_vips_height(syndicate_vips_image *_Nonnull image);
/// Whether the image has an alpha band.
int syndicate_vips_has_alpha(syndicate_vips_image *_Nonnull image);

/// Encodes `image` as a baseline JPEG of `quality` (1–100), alpha flattened onto white,
/// metadata stripped. Returns 1 with the bytes in `*bytes` (free them with `syndicate_vips_free`).
int syndicate_vips_save_jpeg(syndicate_vips_image *_Nonnull image, int quality, void *_Nullable *_Nonnull bytes,
                             size_t *_Nonnull length, char *_Nullable error, size_t capacity);

/// Encodes `image` as a PNG (alpha kept), metadata stripped.
int syndicate_vips_save_png(syndicate_vips_image *_Nonnull image, void *_Nullable *_Nonnull bytes,
                            size_t *_Nonnull length, char *_Nullable error, size_t capacity);

/// Encodes `image` in the format a file name suffix names, with options in brackets
/// (`.webp[Q=90]`, `.gif`, `.jpg[Q=95]`): what tests use to make their inputs.
int syndicate_vips_save_as(syndicate_vips_image *_Nonnull image, const char *_Nonnull suffix,
                           void *_Nullable *_Nonnull bytes, size_t *_Nonnull length, char *_Nullable error,
                           size_t capacity);

/// A synthetic sRGB image for tests: red and green gradients across and down, a noisy blue
/// band, Gaussian noise of `noise` (standard deviation, 0 for none) over all of it; an alpha
/// band fading down the image when `with_alpha`; EXIF `orientation` (1–8) when it is not 0.
syndicate_vips_image *_Nullable syndicate_vips_synthetic(int width, int height, int with_alpha, double noise,
                                                         int orientation, char *_Nullable error, size_t capacity);

/// Frees bytes a save returned.
void syndicate_vips_free(void *_Nullable bytes);
/// Releases an image.
void syndicate_vips_release(syndicate_vips_image *_Nullable image);

#ifdef __cplusplus
}
#endif

#endif
