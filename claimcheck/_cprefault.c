/* Memory for the analysis's objects, faulted in ahead on the other core.
 *
 * A large corpus makes hundreds of MB of small Python objects. Python's allocator takes
 * them from arenas of fresh memory, and every first touch of a 4 KiB page of it stops the
 * analysis for a page fault: a quarter of a million of them at 100k claims, and on this
 * virtual machine they cost the most, and the most unevenly, of anything it does.
 *
 * start(size, ahead) reserves `size` bytes of address space (nothing is committed) and
 * installs an arena allocator that hands it out in order; a thread keeps `ahead` bytes
 * beyond the last arena handed out populated with madvise(MADV_POPULATE_WRITE), which
 * faults pages in without writing to them, so it is safe even where the analysis has
 * overtaken it. Arenas Python gives back are kept and handed out again. stop() ends the
 * thread and puts the previous allocator back; arenas in use stay valid (the previous
 * allocator unmaps them when Python frees them), and what was never used is unmapped.
 *
 * Where this cannot work (no MADV_POPULATE_WRITE, no threads, no memory) start() returns
 * False and nothing changes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if defined(__linux__)
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <time.h>
#endif

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
#define CAN_PREFAULT 1

#define PAGE ((size_t)4096)

typedef struct Returned {
    struct Returned *next;
    size_t size;
} Returned;

static char *region;              /* the reserved address space, or NULL */
static size_t region_size;
static size_t handed;             /* bytes of it handed out (only under the GIL) */
static atomic_size_t handed_mark; /* the same, for the thread */
static atomic_size_t populated;   /* bytes of it the thread has faulted in */
static atomic_int stopping;
static size_t ahead;
static Returned *returned;        /* arenas given back, to hand out again (under the GIL) */
static PyObjectArenaAllocator previous;
static pthread_t thread;
static int running;

static void *populate(void *unused)
{
    (void)unused;
    const struct timespec nap = {0, 200000}; /* 0.2 ms */
    while (!atomic_load(&stopping)) {
        size_t done = atomic_load(&populated);
        if (done >= region_size)
            break;
        if (done >= atomic_load(&handed_mark) + ahead) {
            nanosleep(&nap, NULL);
            continue;
        }
        size_t step = region_size - done < ((size_t)1 << 20) ? region_size - done : ((size_t)1 << 20);
        if (madvise(region + done, step, MADV_POPULATE_WRITE) != 0 && errno != EINTR)
            break; /* out of memory, or the kernel will not: the analysis faults its own */
        atomic_store(&populated, done + step);
    }
    return NULL;
}

static void *arena_alloc(void *ctx, size_t size)
{
    (void)ctx;
    size_t rounded = (size + PAGE - 1) & ~(PAGE - 1);
    for (Returned **at = &returned; *at != NULL; at = &(*at)->next)
        if ((*at)->size == rounded) {
            Returned *found = *at;
            *at = found->next;
            return found;
        }
    if (region != NULL && handed + rounded <= region_size) {
        void *arena = region + handed;
        handed += rounded;
        atomic_store(&handed_mark, handed);
        return arena;
    }
    return previous.alloc(previous.ctx, size);
}

static void arena_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    if (ptr != NULL && (char *)ptr >= region && (char *)ptr < region + region_size) {
        Returned *back = ptr; /* the arena's first bytes keep the list: it is unused now */
        back->size = (size + PAGE - 1) & ~(PAGE - 1);
        back->next = returned;
        returned = back;
        return;
    }
    previous.free(previous.ctx, ptr, size);
}

static PyObject *start(PyObject *self, PyObject *args)
{
    Py_ssize_t size, ahead_bytes;
    if (!PyArg_ParseTuple(args, "nn", &size, &ahead_bytes))
        return NULL;
    if (running || size <= 0 || ahead_bytes < 0)
        Py_RETURN_FALSE;
    size_t want = ((size_t)size + PAGE - 1) & ~(PAGE - 1);
    /* will the kernel populate? (it says EINVAL where it cannot) */
    void *probe = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (probe == MAP_FAILED)
        Py_RETURN_FALSE;
    int works = madvise(probe, PAGE, MADV_POPULATE_WRITE) == 0;
    munmap(probe, PAGE);
    if (!works)
        Py_RETURN_FALSE;
    char *reserved = mmap(NULL, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (reserved == MAP_FAILED)
        Py_RETURN_FALSE;
    region = reserved;
    region_size = want;
    handed = 0;
    returned = NULL;
    ahead = (size_t)ahead_bytes;
    atomic_store(&handed_mark, 0);
    atomic_store(&populated, 0);
    atomic_store(&stopping, 0);
    if (pthread_create(&thread, NULL, populate, NULL) != 0) {
        munmap(region, region_size);
        region = NULL;
        Py_RETURN_FALSE;
    }
    running = 1;
    PyObject_GetArenaAllocator(&previous);
    PyObjectArenaAllocator mine = {NULL, arena_alloc, arena_free};
    PyObject_SetArenaAllocator(&mine);
    Py_RETURN_TRUE;
}

static PyObject *stop(PyObject *self, PyObject *unused)
{
    if (!running)
        Py_RETURN_NONE;
    atomic_store(&stopping, 1);
    Py_BEGIN_ALLOW_THREADS
    pthread_join(thread, NULL);
    Py_END_ALLOW_THREADS
    running = 0;
    PyObject_SetArenaAllocator(&previous);
    /* the arenas given back and the part never handed out go back to the system; the
     * arenas in use are freed later by the previous allocator, which unmaps them */
    while (returned != NULL) {
        Returned *next = returned->next;
        munmap(returned, returned->size);
        returned = next;
    }
    if (handed < region_size)
        munmap(region + handed, region_size - handed);
    region = NULL;
    region_size = handed = 0;
    Py_RETURN_NONE;
}

#else /* no MADV_POPULATE_WRITE: nothing to do */
#define CAN_PREFAULT 0

static PyObject *start(PyObject *self, PyObject *args) { Py_RETURN_FALSE; }
static PyObject *stop(PyObject *self, PyObject *unused) { Py_RETURN_NONE; }
#endif

static PyMethodDef methods[] = {
    {"start", start, METH_VARARGS,
     "start(size, ahead) -> whether Python's arenas now come from `size` bytes faulted in `ahead` "
     "bytes ahead by a thread"},
    {"stop", stop, METH_NOARGS, "stop(): the thread ends and Python's own arena allocator is back"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_cprefault",
                                    "Memory faulted in ahead, on the other core, for a large analysis.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__cprefault(void) { return PyModule_Create(&module); }
