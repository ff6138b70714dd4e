// Scaling and re-encoding through libvips, with libvips loaded by dlopen on first use.
//
// No libvips header is needed at build time: VipsABI.h declares the few types and enum values
// used; no symbol of libvips is linked, so a machine without libvips builds the package, and a
// program that never fits an image does not load libvips and GLib at start-up. libvips is
// thread safe once initialised (vips_init, called once here).

#include "CSyndicateVips.h"

#include "VipsABI.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// The functions used, as pointers to libvips' own (variadic where libvips' are).
typedef int (*init_fn)(const char *);
typedef int (*version_fn)(int);
typedef const char *(*error_buffer_fn)(void);
typedef void (*error_clear_fn)(void);
typedef VipsImage *(*new_from_buffer_fn)(const void *, size_t, const char *, ...);
typedef int (*thumbnail_buffer_fn)(void *, size_t, VipsImage **, int, ...);
typedef int (*thumbnail_image_fn)(VipsImage *, VipsImage **, int, ...);
typedef VipsImage *(*copy_memory_fn)(VipsImage *);
typedef int (*get_dimension_fn)(const VipsImage *);
typedef gboolean (*hasalpha_fn)(VipsImage *);
typedef unsigned long (*get_typeof_fn)(const VipsImage *, const char *); // GType is a gsize
typedef int (*get_int_fn)(const VipsImage *, const char *, int *);
typedef void (*set_int_fn)(VipsImage *, const char *, int);
typedef int (*flatten_fn)(VipsImage *, VipsImage **, ...);
typedef int (*save_buffer_fn)(VipsImage *, void **, size_t *, ...);
typedef int (*write_to_buffer_fn)(VipsImage *, const char *, void **, size_t *, ...);
typedef VipsArrayDouble *(*array_double_new_fn)(const double *, int);
typedef void (*area_unref_fn)(VipsArea *);
typedef int (*create_fn)(VipsImage **, int, int, ...);
typedef int (*linear_fn)(VipsImage *, VipsImage **, const double *, const double *, int, ...);
typedef int (*binary_fn)(VipsImage *, VipsImage *, VipsImage **, ...);
typedef int (*cast_fn)(VipsImage *, VipsImage **, int, ...); // also vips_extract_band's shape
typedef int (*copy_fn)(VipsImage *, VipsImage **, ...);
typedef void (*unref_fn)(void *);
typedef void (*free_fn)(void *);
typedef void (*log_func)(const char *, int, const char *, void *);
typedef unsigned (*log_set_handler_fn)(const char *, int, log_func, void *);

static struct {
    int loaded;
    char error[320];
    version_fn version;
    error_buffer_fn error_buffer;
    error_clear_fn error_clear;
    new_from_buffer_fn new_from_buffer;
    thumbnail_buffer_fn thumbnail_buffer;
    thumbnail_image_fn thumbnail_image;
    copy_memory_fn copy_memory;
    get_dimension_fn get_width;
    get_dimension_fn get_height;
    hasalpha_fn hasalpha;
    get_typeof_fn get_typeof;
    get_int_fn get_int;
    set_int_fn set_int;
    flatten_fn flatten;
    save_buffer_fn jpegsave_buffer;
    save_buffer_fn pngsave_buffer;
    write_to_buffer_fn write_to_buffer;
    array_double_new_fn array_double_new;
    area_unref_fn area_unref;
    create_fn xyz;
    create_fn gaussnoise;
    linear_fn linear;
    binary_fn bandjoin2;
    binary_fn add;
    cast_fn cast;
    cast_fn extract_band;
    copy_fn copy;
    unref_fn object_unref;
    free_fn g_free;
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static const char *const library_names[] = {
#if defined(__APPLE__)
    "libvips.42.dylib", "/opt/homebrew/lib/libvips.42.dylib", "/usr/local/lib/libvips.42.dylib",
#else
    "libvips.so.42",
#endif
};

static void *symbol(void *library, const char *name) {
    void *found = dlsym(library, name);
    if (found == NULL && api.error[0] == '\0') {
        snprintf(api.error, sizeof api.error, "the libvips found lacks %s; install libvips 8.12 or later", name);
    }
    return found;
}

static void ignore_log(const char *domain, int level, const char *message, void *context) {
    (void)domain, (void)level, (void)message, (void)context;
}

static void load(void) {
    void *library = NULL;
    const char *reason = "not found";
    for (size_t index = 0; index < sizeof library_names / sizeof library_names[0] && library == NULL; index++) {
        // RTLD_GLOBAL: libvips loads its format modules (HEIF, …) as plugins that resolve
        // libvips' own symbols.
        library = dlopen(library_names[index], RTLD_NOW | RTLD_GLOBAL);
        if (library == NULL && index == 0) {
            const char *error = dlerror();
            if (error != NULL) reason = error;
        }
    }
    if (library == NULL) {
        snprintf(api.error, sizeof api.error, "libvips could not be loaded (%s)", reason);
        return;
    }
    init_fn init = (init_fn)symbol(library, "vips_init");
    api.version = (version_fn)symbol(library, "vips_version");
    api.error_buffer = (error_buffer_fn)symbol(library, "vips_error_buffer");
    api.error_clear = (error_clear_fn)symbol(library, "vips_error_clear");
    api.new_from_buffer = (new_from_buffer_fn)symbol(library, "vips_image_new_from_buffer");
    api.thumbnail_buffer = (thumbnail_buffer_fn)symbol(library, "vips_thumbnail_buffer");
    api.thumbnail_image = (thumbnail_image_fn)symbol(library, "vips_thumbnail_image");
    api.copy_memory = (copy_memory_fn)symbol(library, "vips_image_copy_memory");
    api.get_width = (get_dimension_fn)symbol(library, "vips_image_get_width");
    api.get_height = (get_dimension_fn)symbol(library, "vips_image_get_height");
    api.hasalpha = (hasalpha_fn)symbol(library, "vips_image_hasalpha");
    api.get_typeof = (get_typeof_fn)symbol(library, "vips_image_get_typeof");
    api.get_int = (get_int_fn)symbol(library, "vips_image_get_int");
    api.set_int = (set_int_fn)symbol(library, "vips_image_set_int");
    api.flatten = (flatten_fn)symbol(library, "vips_flatten");
    api.jpegsave_buffer = (save_buffer_fn)symbol(library, "vips_jpegsave_buffer");
    api.pngsave_buffer = (save_buffer_fn)symbol(library, "vips_pngsave_buffer");
    api.write_to_buffer = (write_to_buffer_fn)symbol(library, "vips_image_write_to_buffer");
    api.array_double_new = (array_double_new_fn)symbol(library, "vips_array_double_new");
    api.area_unref = (area_unref_fn)symbol(library, "vips_area_unref");
    api.xyz = (create_fn)symbol(library, "vips_xyz");
    api.gaussnoise = (create_fn)symbol(library, "vips_gaussnoise");
    api.linear = (linear_fn)symbol(library, "vips_linear");
    api.bandjoin2 = (binary_fn)symbol(library, "vips_bandjoin2");
    api.add = (binary_fn)symbol(library, "vips_add");
    api.cast = (cast_fn)symbol(library, "vips_cast");
    api.copy = (copy_fn)symbol(library, "vips_copy");
    api.extract_band = (cast_fn)symbol(library, "vips_extract_band");
    // GLib's, reached through libvips' own dependencies.
    api.object_unref = (unref_fn)symbol(library, "g_object_unref");
    api.g_free = (free_fn)symbol(library, "g_free");
    if (api.error[0] != '\0') return;
    log_set_handler_fn log_set_handler = (log_set_handler_fn)symbol(library, "g_log_set_handler");
    if (api.error[0] != '\0') return;
    // libvips reports a damaged tile or a loader's complaint as a GLib warning on stderr as
    // well as in its error buffer; a fit's failure is reported through the error buffer alone,
    // so the warnings of the "VIPS" log domain are dropped rather than printed amid a program's
    // output.
    log_set_handler("VIPS", G_LOG_LEVEL_WARNING, ignore_log, NULL);
    if (init("syndicate") != 0) {
        snprintf(api.error, sizeof api.error, "libvips could not be initialised (vips_init: %s)", api.error_buffer());
        api.error_clear();
        return;
    }
    api.loaded = 1;
}

int syndicate_vips_load(char *message, size_t capacity) {
    pthread_once(&load_once, load);
    if (!api.loaded && message != NULL && capacity > 0) snprintf(message, capacity, "%s", api.error);
    return api.loaded;
}

void syndicate_vips_version(int *major, int *minor, int *micro) {
    *major = *minor = *micro = 0;
    if (!syndicate_vips_load(NULL, 0)) return;
    *major = api.version(VIPS_VERSION_MAJOR);
    *minor = api.version(VIPS_VERSION_MINOR);
    *micro = api.version(VIPS_VERSION_MICRO);
}

/// Copies libvips' error text (its lines joined with "; ") into `error`, then clears it.
/// The buffer is process-wide: under concurrent failures a message may mention another's.
static void take_error(char *error, size_t capacity, const char *fallback) {
    if (!api.loaded) {
        if (error != NULL && capacity > 0) snprintf(error, capacity, "%s", api.error);
        return;
    }
    const char *text = api.error_buffer();
    if (error != NULL && capacity > 0) {
        if (text == NULL || text[0] == '\0') text = fallback;
        size_t out = 0;
        for (size_t in = 0; text[in] != '\0' && out + 3 < capacity; in++) {
            if (text[in] == '\n') {
                if (text[in + 1] == '\0') break;
                error[out++] = ';';
                error[out++] = ' ';
            } else {
                error[out++] = text[in];
            }
        }
        error[out] = '\0';
    }
    api.error_clear();
}

static void release(VipsImage *image) {
    if (image != NULL) api.object_unref(image);
}

int syndicate_vips_upright_size(const void *data, size_t length, int *width, int *height, char *error,
                                size_t capacity) {
    if (!syndicate_vips_load(error, capacity)) return 0;
    // Reads the header only; pixels are decoded when something asks for them.
    VipsImage *image = api.new_from_buffer(data, length, "", NULL);
    if (image == NULL) {
        take_error(error, capacity, "the bytes are not an image libvips can read");
        return 0;
    }
    *width = api.get_width(image);
    *height = api.get_height(image);
    int orientation = 1;
    if (api.get_typeof(image, "orientation") != 0 && api.get_int(image, "orientation", &orientation) != 0) {
        orientation = 1;
        api.error_clear();
    }
    if (orientation >= 5 && orientation <= 8) {
        int swap = *width;
        *width = *height;
        *height = swap;
    }
    release(image);
    return 1;
}

/// `image` rendered into memory (where a decoding error such as a truncated file surfaces),
/// or NULL; `image` is released either way.
static syndicate_vips_image *into_memory(VipsImage *image, char *error, size_t capacity, const char *fallback) {
    VipsImage *memory = api.copy_memory(image);
    release(image);
    if (memory == NULL) take_error(error, capacity, fallback);
    return (syndicate_vips_image *)memory;
}

syndicate_vips_image *syndicate_vips_decode(const void *data, size_t length, int width, int height, char *error,
                                            size_t capacity) {
    if (!syndicate_vips_load(error, capacity)) return NULL;
    VipsImage *thumbnail = NULL;
    // vips_thumbnail_buffer shrinks while it decodes (JPEG DCT scaling) and applies the EXIF
    // orientation (no_rotate defaults to FALSE). It keeps `data` for lazy decoding, so the
    // image is rendered into memory before returning. A truncated file must fail rather than
    // come out grey at the bottom: in libvips 8.14 thumbnail_buffer's own `fail_on` argument
    // does not reach the loader (a truncated JPEG decodes with a warning), while the loader
    // option string does.
    if (api.thumbnail_buffer((void *)data, length, &thumbnail, width, "height", height, "size", VIPS_SIZE_DOWN,
                             "option_string", "fail_on=truncated", NULL) != 0) {
        take_error(error, capacity, "libvips could not decode the image");
        return NULL;
    }
    return into_memory(thumbnail, error, capacity, "libvips could not decode the image");
}

syndicate_vips_image *syndicate_vips_shrink(syndicate_vips_image *image, int width, int height, char *error,
                                            size_t capacity) {
    VipsImage *smaller = NULL;
    if (api.thumbnail_image((VipsImage *)image, &smaller, width, "height", height, "size", VIPS_SIZE_DOWN, "no_rotate",
                            VIPS_ABI_TRUE, NULL) != 0) {
        take_error(error, capacity, "libvips could not scale the image");
        return NULL;
    }
    return into_memory(smaller, error, capacity, "libvips could not scale the image");
}

int syndicate_vips_width(syndicate_vips_image *image) { return api.get_width((VipsImage *)image); }
int syndicate_vips_height(syndicate_vips_image *image) { return api.get_height((VipsImage *)image); }
int syndicate_vips_has_alpha(syndicate_vips_image *image) { return api.hasalpha((VipsImage *)image) ? 1 : 0; }

int syndicate_vips_save_jpeg(syndicate_vips_image *image, int quality, void **bytes, size_t *length, char *error,
                             size_t capacity) {
    VipsImage *source = (VipsImage *)image;
    VipsImage *flat = NULL;
    if (api.hasalpha(source)) {
        double white[1] = {255.0};
        VipsArrayDouble *background = api.array_double_new(white, 1);
        int failed = api.flatten(source, &flat, "background", background, NULL);
        api.area_unref((VipsArea *)background);
        if (failed != 0) {
            take_error(error, capacity, "libvips could not flatten the image's transparency");
            return 0;
        }
        source = flat;
    }
    *bytes = NULL;
    int failed = api.jpegsave_buffer(source, bytes, length, "Q", quality, "strip", VIPS_ABI_TRUE, "optimize_coding",
                                     VIPS_ABI_TRUE, NULL);
    release(flat);
    if (failed != 0) {
        take_error(error, capacity, "libvips could not encode a JPEG");
        return 0;
    }
    return 1;
}

int syndicate_vips_save_png(syndicate_vips_image *image, void **bytes, size_t *length, char *error, size_t capacity) {
    *bytes = NULL;
    if (api.pngsave_buffer((VipsImage *)image, bytes, length, "strip", VIPS_ABI_TRUE, NULL) != 0) {
        take_error(error, capacity, "libvips could not encode a PNG");
        return 0;
    }
    return 1;
}

int syndicate_vips_save_as(syndicate_vips_image *image, const char *suffix, void **bytes, size_t *length, char *error,
                           size_t capacity) {
    *bytes = NULL;
    if (api.write_to_buffer((VipsImage *)image, suffix, bytes, length, NULL) != 0) {
        take_error(error, capacity, "libvips could not encode the image");
        return 0;
    }
    return 1;
}

syndicate_vips_image *syndicate_vips_synthetic(int width, int height, int with_alpha, double noise, int orientation,
                                               char *error, size_t capacity) {
    if (!syndicate_vips_load(error, capacity)) return NULL;
    VipsImage *xy = NULL, *ramps = NULL, *blue = NULL, *rgb = NULL, *grain = NULL, *noisy = NULL;
    VipsImage *bands = NULL, *bytes = NULL, *tagged = NULL;
    int ok = api.xyz(&xy, width, height, NULL) == 0;
    // Band 0 is x, band 1 is y: scaled to 0–255 they are the red and green ramps.
    double scale[2] = {255.0 / (width > 1 ? width - 1 : 1), 255.0 / (height > 1 ? height - 1 : 1)};
    double offset[2] = {0.0, 0.0};
    ok = ok && api.linear(xy, &ramps, scale, offset, 2, NULL) == 0;
    ok = ok && api.gaussnoise(&blue, width, height, "mean", 128.0, "sigma", 48.0, NULL) == 0;
    ok = ok && api.bandjoin2(ramps, blue, &rgb, NULL) == 0;
    VipsImage *colour = rgb;
    if (ok && noise > 0) {
        ok = api.gaussnoise(&grain, width, height, "mean", 0.0, "sigma", noise, NULL) == 0;
        ok = ok && api.add(rgb, grain, &noisy, NULL) == 0;
        colour = noisy;
    }
    VipsImage *all = colour;
    if (ok && with_alpha) {
        // The alpha band is the green ramp: transparent at the top, opaque at the bottom.
        VipsImage *fade = NULL;
        ok = api.extract_band(ramps, &fade, 1, NULL) == 0;
        ok = ok && api.bandjoin2(colour, fade, &bands, NULL) == 0;
        release(fade);
        all = bands;
    }
    ok = ok && api.cast(all, &bytes, VIPS_FORMAT_UCHAR, NULL) == 0;
    ok = ok && api.copy(bytes, &tagged, "interpretation", VIPS_INTERPRETATION_sRGB, NULL) == 0;
    syndicate_vips_image *result = NULL;
    if (ok) {
        VipsImage *memory = api.copy_memory(tagged);
        // A fresh image of its own (never a cached operation's output), so its metadata may change.
        if (memory != NULL && orientation != 0) api.set_int(memory, "orientation", orientation);
        result = (syndicate_vips_image *)memory;
        ok = memory != NULL;
    }
    if (!ok) take_error(error, capacity, "libvips could not make the test image");
    release(xy), release(ramps), release(blue), release(rgb), release(grain), release(noisy);
    release(bands), release(bytes), release(tagged);
    return result;
}

void syndicate_vips_free(void *bytes) {
    if (bytes != NULL && api.g_free != NULL) api.g_free(bytes);
}

void syndicate_vips_release(syndicate_vips_image *image) {
    if (image != NULL && api.object_unref != NULL) api.object_unref(image);
}
