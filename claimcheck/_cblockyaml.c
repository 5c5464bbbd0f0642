/* The plain block YAML reader of blockyaml.py, in C.
 *
 * blockyaml.py is the reference: this reads exactly the same part of YAML into exactly
 * the same positioned nodes (the Python classes of nodes.py, filled through their slots),
 * and answers None wherever the Python reader would give up. It may also answer None
 * where the Python reader would not (it never does by design, but the caller tolerates
 * it by asking the Python reader next). tests/test_blockyaml.py compares the two on
 * generated, mutated and real files.
 *
 * Columns count code points from 1, lines count from 1, as the Python reader's do. The
 * text comes from blockyaml.read, which has already refused tabs, carriage returns,
 * control characters and files too large for the node limit.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <structmember.h>

/* --- the node classes and their slots ------------------------------------------------ */

static PyTypeObject *ScalarType, *SequenceType, *MappingType, *KeyLinesType, *KeyColumnsType;
static Py_ssize_t SC_VALUE, SC_RAW, SC_LINE, SC_COLUMN, SC_PLAIN;
static Py_ssize_t SQ_ITEMS, SQ_LINE, SQ_COLUMN;
static Py_ssize_t MP_ITEMS, MP_KEYS, MP_LINE, MP_COLUMN;
static Py_ssize_t KL_COLUMN, KC_LINE;
static PyObject *EMPTY_TUPLE, *EMPTY_STR;

#define SLOT(obj, offset) (*(PyObject **)((char *)(obj) + (offset)))

static int slot_offset(PyTypeObject *type, const char *name, Py_ssize_t *offset)
{
    PyObject *descr = PyDict_GetItemString(type->tp_dict, name); /* borrowed */
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyErr_Format(PyExc_TypeError, "%s.%s is not a slot", type->tp_name, name);
        return -1;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    if (member->type != T_OBJECT_EX) {
        PyErr_Format(PyExc_TypeError, "%s.%s is not an object slot", type->tp_name, name);
        return -1;
    }
    *offset = member->offset;
    return 0;
}

static PyObject *setup_types(PyObject *self, PyObject *args)
{
    PyTypeObject *types[5];
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!", &PyType_Type, &types[0], &PyType_Type, &types[1],
                          &PyType_Type, &types[2], &PyType_Type, &types[3], &PyType_Type, &types[4]))
        return NULL;
    if (!PyType_IsSubtype(types[3], &PyDict_Type) || !PyType_IsSubtype(types[4], &PyDict_Type)) {
        PyErr_SetString(PyExc_TypeError, "key places must be dict subclasses");
        return NULL;
    }
    if (slot_offset(types[0], "value", &SC_VALUE) || slot_offset(types[0], "raw", &SC_RAW) ||
        slot_offset(types[0], "line", &SC_LINE) || slot_offset(types[0], "column", &SC_COLUMN) ||
        slot_offset(types[0], "plain", &SC_PLAIN) || slot_offset(types[1], "items", &SQ_ITEMS) ||
        slot_offset(types[1], "line", &SQ_LINE) || slot_offset(types[1], "column", &SQ_COLUMN) ||
        slot_offset(types[2], "items", &MP_ITEMS) || slot_offset(types[2], "keys", &MP_KEYS) ||
        slot_offset(types[2], "line", &MP_LINE) || slot_offset(types[2], "column", &MP_COLUMN) ||
        slot_offset(types[3], "column", &KL_COLUMN) || slot_offset(types[4], "line", &KC_LINE))
        return NULL;
    for (int i = 0; i < 5; i++)
        Py_INCREF(types[i]);
    Py_XDECREF(ScalarType);
    Py_XDECREF(SequenceType);
    Py_XDECREF(MappingType);
    Py_XDECREF(KeyLinesType);
    Py_XDECREF(KeyColumnsType);
    ScalarType = types[0];
    SequenceType = types[1];
    MappingType = types[2];
    KeyLinesType = types[3];
    KeyColumnsType = types[4];
    Py_RETURN_NONE;
}

/* Each maker takes its arguments' references (they may be NULL after a failed call:
 * then it releases the others and fails too). */
static PyObject *new_scalar(PyObject *value, PyObject *raw, PyObject *line, PyObject *column, int plain)
{
    PyObject *node = NULL;
    if (value && raw && line && column)
        node = ScalarType->tp_alloc(ScalarType, 0);
    if (node == NULL) {
        Py_XDECREF(value);
        Py_XDECREF(raw);
        Py_XDECREF(line);
        Py_XDECREF(column);
        return NULL;
    }
    SLOT(node, SC_VALUE) = value;
    SLOT(node, SC_RAW) = raw;
    SLOT(node, SC_LINE) = line;
    SLOT(node, SC_COLUMN) = column;
    SLOT(node, SC_PLAIN) = Py_NewRef(plain ? Py_True : Py_False);
    return node;
}

static PyObject *new_sequence(PyObject *line, PyObject *column)
{
    PyObject *items = (line && column) ? PyList_New(0) : NULL;
    PyObject *node = items ? SequenceType->tp_alloc(SequenceType, 0) : NULL;
    if (node == NULL) {
        Py_XDECREF(items);
        Py_XDECREF(line);
        Py_XDECREF(column);
        return NULL;
    }
    SLOT(node, SQ_ITEMS) = items;
    SLOT(node, SQ_LINE) = line;
    SLOT(node, SQ_COLUMN) = column;
    return node;
}

/* A mapping; `flow` chooses its key places: by column on one line (flow) or by line in
 * one column (block). */
static PyObject *new_mapping(PyObject *line, PyObject *column, int flow)
{
    PyObject *items = NULL, *keys = NULL, *node = NULL;
    if (line && column) {
        items = PyDict_New();
        PyTypeObject *kind = flow ? KeyColumnsType : KeyLinesType;
        keys = items ? kind->tp_new(kind, EMPTY_TUPLE, NULL) : NULL;
        node = keys ? MappingType->tp_alloc(MappingType, 0) : NULL;
    }
    if (node == NULL) {
        Py_XDECREF(items);
        Py_XDECREF(keys);
        Py_XDECREF(line);
        Py_XDECREF(column);
        return NULL;
    }
    if (flow)
        SLOT(keys, KC_LINE) = Py_NewRef(line);
    else
        SLOT(keys, KL_COLUMN) = Py_NewRef(column);
    SLOT(node, MP_ITEMS) = items;
    SLOT(node, MP_KEYS) = keys;
    SLOT(node, MP_LINE) = line;
    SLOT(node, MP_COLUMN) = column;
    return node;
}

/* --- the text ------------------------------------------------------------------------- */

typedef struct {
    PyObject *text;
    int kind;
    const void *data;
    Py_ssize_t length;
    Py_ssize_t *starts, *ends; /* line i (from 0) is text[starts[i]:ends[i]] */
    Py_ssize_t lines;
    PyObject *line_object; /* the current line's number, shared by its nodes */
    long line_number;
    Py_ssize_t line_start;
} Reader;

#define CH(r, i) PyUnicode_READ((r)->kind, (r)->data, (i))

/* set when the text leaves the plain part: the result is None, not an error */
typedef enum { OK = 0, UNSURE = 1, FAILED = -1 } Outcome;

static PyObject *line_of(Reader *r)
{
    if (r->line_object == NULL)
        r->line_object = PyLong_FromLong(r->line_number);
    return Py_XNewRef(r->line_object);
}

static PyObject *column_of(Reader *r, Py_ssize_t at)
{
    return PyLong_FromSsize_t(at - r->line_start + 1);
}

static PyObject *substring(Reader *r, Py_ssize_t start, Py_ssize_t end)
{
    return PyUnicode_Substring(r->text, start, end);
}

/* Mapping keys, interned. A corpus names the same few keys over and over: the last key
 * seen for each small hash of its characters is kept, and a key read again is that string,
 * with no new string made and no lookup in the interpreter's table of interned ones. */
#define KEY_CACHE 64
static PyObject *KEY_CACHE_ENTRIES[KEY_CACHE];

static PyObject *key_of(Reader *r, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t n = end - start;
    size_t h = (size_t)n;
    for (Py_ssize_t k = start; k < end; k++)
        h = h * 31 + CH(r, k);
    PyObject **slot = &KEY_CACHE_ENTRIES[h % KEY_CACHE];
    PyObject *known = *slot;
    if (known != NULL && PyUnicode_GET_LENGTH(known) == n && PyUnicode_IS_ASCII(known)) {
        const Py_UCS1 *chars = PyUnicode_1BYTE_DATA(known);
        Py_ssize_t k = 0;
        while (k < n && CH(r, start + k) == chars[k])
            k++;
        if (k == n)
            return Py_NewRef(known);
    }
    PyObject *key = substring(r, start, end);
    if (key == NULL)
        return NULL;
    PyUnicode_InternInPlace(&key);
    Py_XSETREF(*slot, Py_NewRef(key));
    return key;
}

static inline int is_ascii_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }
static inline int is_key_start(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
static inline int is_key_char(Py_UCS4 c) { return is_key_start(c) || is_ascii_digit(c) || c == '-'; }
/* re's \w on text: alphanumeric in Unicode, or "_" */
static inline int is_word(Py_UCS4 c) { return c == '_' || Py_UNICODE_ISALNUM(c); }

/* plain_character, or a newline, for each of the 256 one-byte characters (see read_text) */
static unsigned char PLAIN_BYTE[256];
static inline int plain_character(Py_UCS4 c);

/* ASCII character classes, a bit each: looked up, not searched for with strchr */
enum { INDICATOR = 1, MAYBE_TYPED = 2, FLOW_SPECIAL = 4 };
static unsigned char CLASSES[128];

static void set_tables(void)
{
    for (int c = 0; c < 256; c++)
        PLAIN_BYTE[c] = c == '\n' || plain_character((Py_UCS4)c);
    static const struct { const char *chars; unsigned char bit; } sets[] = {
        {"&*!|>%@`{}[],#'\"?:-", INDICATOR}, {"0123456789+-.~nNtTfF", MAYBE_TYPED}, {",[]{}#:\"'", FLOW_SPECIAL}};
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++)
        for (const char *c = sets[s].chars; *c; c++)
            CLASSES[(unsigned char)*c] |= sets[s].bit;
}

static inline int in_class(Py_UCS4 c, unsigned char bit) { return c < 128 && (CLASSES[c] & bit); }
static int is_indicator(Py_UCS4 c) { return in_class(c, INDICATOR); }
static int maybe_typed(Py_UCS4 c) { return in_class(c, MAYBE_TYPED); }

static int equals_n(Reader *r, Py_ssize_t start, Py_ssize_t end, const char *word, Py_ssize_t n)
{
    if (end - start != n)
        return 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (CH(r, start + i) != (Py_UCS4)(unsigned char)word[i])
            return 0;
    return 1;
}

/* a literal's length is known when compiling: no strlen for each scalar */
#define EQUALS(r, start, end, literal) equals_n((r), (start), (end), (literal), (Py_ssize_t)sizeof(literal) - 1)

/* libyaml's bound on a key written without `?`: a longer one is a syntax error */
#define LONGEST_KEY 1024

/* a key YAML reads as something other than text, or one too long to be a key: the full
 * loader says so */
static int unsure_key(Reader *r, Py_ssize_t start, Py_ssize_t end)
{
    if (end - start > LONGEST_KEY)
        return 1;
    return EQUALS(r, start, end, "null") || EQUALS(r, start, end, "Null") || EQUALS(r, start, end, "NULL") ||
           EQUALS(r, start, end, "true") || EQUALS(r, start, end, "True") || EQUALS(r, start, end, "TRUE") ||
           EQUALS(r, start, end, "false") || EQUALS(r, start, end, "False") || EQUALS(r, start, end, "FALSE");
}

static Py_ssize_t skip_spaces(Reader *r, Py_ssize_t i, Py_ssize_t end)
{
    while (i < end && CH(r, i) == ' ')
        i++;
    return i;
}

static Py_ssize_t digits(Reader *r, Py_ssize_t i, Py_ssize_t end)
{
    while (i < end && is_ascii_digit(CH(r, i)))
        i++;
    return i;
}

/* --- typing plain scalars: nodes.resolve_plain --------------------------------------- */

#define MAX_INT_DIGITS 4000

static int is_float(Reader *r, Py_ssize_t i, Py_ssize_t end)
{
    if (i < end && (CH(r, i) == '-' || CH(r, i) == '+'))
        i++;
    if (i < end && CH(r, i) == '.') {
        Py_ssize_t j = digits(r, i + 1, end);
        if (j == i + 1)
            return 0;
        i = j;
    } else {
        Py_ssize_t j = digits(r, i, end);
        if (j == i)
            return 0;
        i = j;
        if (i < end && CH(r, i) == '.')
            i = digits(r, i + 1, end);
    }
    if (i < end && (CH(r, i) == 'e' || CH(r, i) == 'E')) {
        i++;
        if (i < end && (CH(r, i) == '-' || CH(r, i) == '+'))
            i++;
        Py_ssize_t j = digits(r, i, end);
        if (j == i)
            return 0;
        i = j;
    }
    return i == end;
}

static int all_of(Reader *r, Py_ssize_t i, Py_ssize_t end, const char *set)
{
    if (i >= end)
        return 0;
    for (; i < end; i++) {
        Py_UCS4 c = CH(r, i);
        if (c >= 128 || !c || !strchr(set, (int)c))
            return 0;
    }
    return 1;
}

/* The typed value of the plain scalar text[start:end], whose text object is `raw` (a
 * new reference, or NULL on failure). */
static PyObject *resolve_plain(Reader *r, Py_ssize_t start, Py_ssize_t end, PyObject *raw)
{
    Py_ssize_t n = end - start;
    if (n == 0)
        Py_RETURN_NONE;
    Py_UCS4 first = CH(r, start);
    if (first == '~' && n == 1)
        Py_RETURN_NONE;
    if (first == 'n' || first == 'N') {
        if (EQUALS(r, start, end, "null") || EQUALS(r, start, end, "Null") || EQUALS(r, start, end, "NULL"))
            Py_RETURN_NONE;
        return Py_NewRef(raw);
    }
    if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
        if (EQUALS(r, start, end, "true") || EQUALS(r, start, end, "True") || EQUALS(r, start, end, "TRUE"))
            Py_RETURN_TRUE;
        if (EQUALS(r, start, end, "false") || EQUALS(r, start, end, "False") || EQUALS(r, start, end, "FALSE"))
            Py_RETURN_FALSE;
        return Py_NewRef(raw);
    }
    if (!(is_ascii_digit(first) || first == '+' || first == '-' || first == '.'))
        return Py_NewRef(raw); /* other digits: no pattern below takes them */
    /* an integer */
    Py_ssize_t i = start + (first == '+' || first == '-');
    if (i < end && digits(r, i, end) == end) {
        if (n > MAX_INT_DIGITS)
            return Py_NewRef(raw);
        if (end - i <= 18) {
            long long value = 0;
            for (; i < end; i++)
                value = value * 10 + (long long)(CH(r, i) - '0');
            return PyLong_FromLongLong(first == '-' ? -value : value);
        }
        return PyLong_FromUnicodeObject(raw, 10);
    }
    /* 2025-10-12 or 2025-10: no number looks so */
    if (n >= 5 && CH(r, start + 4) == '-' && digits(r, start, start + 4) == start + 4) {
        if (n == 10 && CH(r, start + 7) == '-' && digits(r, start + 5, start + 7) == start + 7 &&
            digits(r, start + 8, end) == end) {
#define D(k) ((int)(CH(r, start + (k)) - '0'))
            int year = D(0) * 1000 + D(1) * 100 + D(2) * 10 + D(3);
            int month = D(5) * 10 + D(6), day = D(8) * 10 + D(9);
#undef D
            PyObject *date = PyDate_FromDate(year, month, day);
            if (date == NULL && PyErr_ExceptionMatches(PyExc_ValueError)) {
                PyErr_Clear(); /* not on the calendar: stays text */
                return Py_NewRef(raw);
            }
            return date;
        }
        return Py_NewRef(raw);
    }
    if (is_float(r, start, end))
        return PyFloat_FromString(raw);
    if (n > 2 && CH(r, start) == '0' && CH(r, start + 1) == 'o' && all_of(r, start + 2, end, "01234567")) {
        if (n > MAX_INT_DIGITS)
            return Py_NewRef(raw);
        PyObject *body = substring(r, start + 2, end);
        PyObject *value = body ? PyLong_FromUnicodeObject(body, 8) : NULL;
        Py_XDECREF(body);
        return value;
    }
    if (n > 2 && CH(r, start) == '0' && CH(r, start + 1) == 'x' &&
        all_of(r, start + 2, end, "0123456789abcdefABCDEF")) {
        if (n > MAX_INT_DIGITS * 5 / 6)
            return Py_NewRef(raw);
        PyObject *body = substring(r, start + 2, end);
        PyObject *value = body ? PyLong_FromUnicodeObject(body, 16) : NULL;
        Py_XDECREF(body);
        return value;
    }
    Py_ssize_t dot = start + (first == '+' || first == '-');
    if (EQUALS(r, dot, end, ".inf") || EQUALS(r, dot, end, ".Inf") || EQUALS(r, dot, end, ".INF"))
        return PyFloat_FromDouble(first == '-' ? -Py_HUGE_VAL : Py_HUGE_VAL);
    if (EQUALS(r, start, end, ".nan") || EQUALS(r, start, end, ".NaN") || EQUALS(r, start, end, ".NAN"))
        return PyFloat_FromDouble(Py_NAN);
    return Py_NewRef(raw);
}

/* A plain scalar node for text[start:end], typed. */
static PyObject *plain_scalar(Reader *r, Py_ssize_t start, Py_ssize_t end, int typed)
{
    PyObject *raw = substring(r, start, end);
    if (raw == NULL)
        return NULL;
    PyObject *value = typed ? resolve_plain(r, start, end, raw) : Py_NewRef(raw);
    return new_scalar(value, raw, line_of(r), column_of(r, start), 1);
}

/* --- one-line values ------------------------------------------------------------------ */

/* `(?: +(?:#.*)?)?\Z` at i: only spaces, or spaces and a comment, up to the end */
static int after_ok(Reader *r, Py_ssize_t i, Py_ssize_t end)
{
    Py_ssize_t j = skip_spaces(r, i, end);
    return j == end || (j > i && CH(r, j) == '#');
}

/* A quoted scalar from text[i]: its end (after the closing quote) and its node, or
 * UNSURE for escapes and quotes left open. */
static Outcome quoted(Reader *r, Py_ssize_t i, Py_ssize_t end, PyObject **node, Py_ssize_t *stop)
{
    Py_UCS4 quote = CH(r, i);
    Py_ssize_t j = i + 1;
    int doubled = 0;
    if (quote == '"') {
        while (j < end && CH(r, j) != '"' && CH(r, j) != '\\')
            j++;
        if (j >= end || CH(r, j) != '"')
            return UNSURE;
    } else {
        for (;;) {
            if (j >= end)
                return UNSURE;
            if (CH(r, j) != '\'') {
                j++;
            } else if (j + 1 < end && CH(r, j + 1) == '\'') {
                doubled = 1;
                j += 2;
            } else {
                break;
            }
        }
    }
    PyObject *value = substring(r, i + 1, j);
    if (value != NULL && doubled) {
        PyObject *two = PyUnicode_FromString("''"), *one = PyUnicode_FromString("'");
        PyObject *replaced = (two && one) ? PyUnicode_Replace(value, two, one, -1) : NULL;
        Py_XDECREF(two);
        Py_XDECREF(one);
        Py_DECREF(value);
        value = replaced;
    }
    if (value == NULL)
        return FAILED;
    *node = new_scalar(Py_NewRef(value), value, line_of(r), column_of(r, i), 0);
    *stop = j + 1;
    return *node ? OK : FAILED;
}

/* `\w[\w.-]*` from i: its end, or i when there is none */
static Py_ssize_t word_end(Reader *r, Py_ssize_t i, Py_ssize_t end)
{
    if (i >= end || !is_word(CH(r, i)))
        return i;
    i++;
    while (i < end) {
        Py_UCS4 c = CH(r, i);
        if (!(is_word(c) || c == '.' || c == '-'))
            break;
        i++;
    }
    return i;
}

/* blockyaml._WORDS: `[w, w]` or `{k: w, k: w}` and nothing after it */
static int simple_words(Reader *r, Py_ssize_t i, Py_ssize_t end)
{
    Py_UCS4 open = CH(r, i);
    if (open == '[') {
        i++;
        if (i < end && CH(r, i) == ']')
            return i + 1 == end;
        for (;;) {
            Py_ssize_t j = word_end(r, i, end);
            if (j == i)
                return 0;
            i = j;
            if (i + 1 < end && CH(r, i) == ',' && CH(r, i + 1) == ' ')
                i += 2;
            else
                return i + 1 == end && CH(r, i) == ']';
        }
    }
    if (open != '{')
        return 0;
    i++;
    for (;;) {
        if (i >= end || !is_key_start(CH(r, i)))
            return 0;
        i++;
        while (i < end && (is_word(CH(r, i)) || CH(r, i) == '-'))
            i++;
        if (!(i + 1 < end && CH(r, i) == ':' && CH(r, i + 1) == ' '))
            return 0;
        i += 2;
        Py_ssize_t j = word_end(r, i, end);
        if (j == i)
            return 0;
        i = j;
        if (i + 1 < end && CH(r, i) == ',' && CH(r, i + 1) == ' ')
            i += 2;
        else
            return i + 1 == end && CH(r, i) == '}';
    }
}

static Outcome add_item(PyObject *mapping, PyObject *key_places, PyObject *name, PyObject *place, PyObject *node);

/* blockyaml._words: a value simple_words took, its places counted from the separators */
static Outcome words(Reader *r, Py_ssize_t i, Py_ssize_t end, PyObject **out)
{
    int is_list = CH(r, i) == '[';
    Py_ssize_t last = end - 1; /* the closing bracket */
    PyObject *node = is_list ? new_sequence(line_of(r), column_of(r, i)) : new_mapping(line_of(r), column_of(r, i), 1);
    if (node == NULL)
        return FAILED;
    Py_ssize_t at = i + 1;
    while (at < last) {
        Py_ssize_t stop = at;
        while (stop < last && CH(r, stop) != ',')
            stop++;
        /* at..stop is one word, or one `key: word` pair */
        if (is_list) {
            PyObject *item = plain_scalar(r, at, stop, maybe_typed(CH(r, at)));
            if (item == NULL || PyList_Append(SLOT(node, SQ_ITEMS), item) < 0) {
                Py_XDECREF(item);
                Py_DECREF(node);
                return FAILED;
            }
            Py_DECREF(item);
        } else {
            Py_ssize_t colon = at;
            while (CH(r, colon) != ':')
                colon++;
            if (unsure_key(r, at, colon)) {
                Py_DECREF(node);
                return UNSURE;
            }
            Py_ssize_t value_at = colon + 2;
            PyObject *name = key_of(r, at, colon);
            PyObject *value = name ? plain_scalar(r, value_at, stop, maybe_typed(CH(r, value_at))) : NULL;
            PyObject *place = value ? column_of(r, at) : NULL;
            Outcome done = place ? add_item(SLOT(node, MP_ITEMS), SLOT(node, MP_KEYS), name, place, value) : FAILED;
            Py_XDECREF(name);
            Py_XDECREF(value);
            Py_XDECREF(place);
            if (done != OK) {
                Py_DECREF(node);
                return done;
            }
        }
        at = stop + 2; /* past ", " */
    }
    *out = node;
    return OK;
}

/* items[name] = node and key_places[name] = place, or UNSURE when the name is taken */
static Outcome add_item(PyObject *items, PyObject *key_places, PyObject *name, PyObject *place, PyObject *node)
{
    int taken = PyDict_Contains(items, name);
    if (taken < 0)
        return FAILED;
    if (taken)
        return UNSURE; /* a duplicate: the full loader says so */
    if (PyDict_SetItem(key_places, name, place) < 0 || PyDict_SetItem(items, name, node) < 0)
        return FAILED;
    return OK;
}

static int flow_plain_char(Py_UCS4 c)
{
    return !in_class(c, FLOW_SPECIAL);
}

/* blockyaml._flow: one flow collection or scalar from text[i]; its node and end */
static Outcome flow(Reader *r, Py_ssize_t i, Py_ssize_t end, int room, PyObject **out, Py_ssize_t *stop)
{
    Py_UCS4 first = i < end ? CH(r, i) : 0;
    if (first == '[' || first == '{') {
        if (room <= 0)
            return UNSURE; /* deeper than the limit: the full loader says so */
        int is_mapping = first == '{';
        Py_UCS4 close = is_mapping ? '}' : ']';
        PyObject *node = is_mapping ? new_mapping(line_of(r), column_of(r, i), 1) : new_sequence(line_of(r), column_of(r, i));
        if (node == NULL)
            return FAILED;
        i = skip_spaces(r, i + 1, end);
        while (!(i < end && CH(r, i) == close)) {
            PyObject *item = NULL;
            Outcome done;
            if (is_mapping) {
                if (!(i < end && is_key_start(CH(r, i)))) {
                    Py_DECREF(node);
                    return UNSURE;
                }
                Py_ssize_t j = i + 1;
                while (j < end && is_key_char(CH(r, j)))
                    j++;
                if (!(j + 1 < end && CH(r, j) == ':' && CH(r, j + 1) == ' ') || unsure_key(r, i, j)) {
                    Py_DECREF(node);
                    return UNSURE;
                }
                PyObject *name = key_of(r, i, j);
                if (name == NULL) {
                    Py_DECREF(node);
                    return FAILED;
                }
                int taken = PyDict_Contains(SLOT(node, MP_ITEMS), name);
                if (taken != 0) {
                    Py_DECREF(name);
                    Py_DECREF(node);
                    return taken < 0 ? FAILED : UNSURE;
                }
                PyObject *place = column_of(r, i);
                done = place ? flow(r, skip_spaces(r, j + 1, end), end, room - 1, &item, &i) : FAILED;
                if (done == OK)
                    done = add_item(SLOT(node, MP_ITEMS), SLOT(node, MP_KEYS), name, place, item);
                Py_DECREF(name);
                Py_XDECREF(place);
            } else {
                done = flow(r, i, end, room - 1, &item, &i);
                if (done == OK && PyList_Append(SLOT(node, SQ_ITEMS), item) < 0)
                    done = FAILED;
            }
            Py_XDECREF(item);
            if (done != OK) {
                Py_DECREF(node);
                return done;
            }
            i = skip_spaces(r, i, end);
            if (i < end && CH(r, i) == ',') {
                i = skip_spaces(r, i + 1, end);
            } else if (!(i < end && CH(r, i) == close)) {
                Py_DECREF(node);
                return UNSURE;
            }
        }
        *out = node;
        *stop = i + 1;
        return OK;
    }
    if (first == '"' || first == '\'')
        return quoted(r, i, end, out, stop);
    /* a plain scalar: `[^,[]{}#:"' ](?:[^,[]{}#:"']*[^,[]{}#:"' ])?` */
    if (!(i < end && first != ' ' && flow_plain_char(first)))
        return UNSURE;
    Py_ssize_t j = i, last = i;
    while (j < end && flow_plain_char(CH(r, j))) {
        if (CH(r, j) != ' ')
            last = j;
        j++;
    }
    if (is_indicator(first) && !(first == '-' && last > i && CH(r, i + 1) != ' '))
        return UNSURE;
    *out = plain_scalar(r, i, last + 1, 1);
    *stop = last + 1;
    return *out ? OK : FAILED;
}

/* blockyaml._scalar: a one-line scalar that is the whole rest of the line */
static Outcome scalar(Reader *r, Py_ssize_t i, Py_ssize_t end, PyObject **out)
{
    Py_UCS4 first = CH(r, i);
    if (first == '"' || first == '\'') {
        Py_ssize_t stop;
        Outcome done = quoted(r, i, end, out, &stop);
        if (done == OK && !after_ok(r, stop, end)) {
            Py_CLEAR(*out);
            return UNSURE; /* text after it */
        }
        return done;
    }
    if (is_indicator(first) && !(first == '-' && end - i > 1 && CH(r, i + 1) != ' '))
        return UNSURE;
    Py_ssize_t stop = end;
    for (Py_ssize_t j = i; j + 1 < end; j++)
        if (CH(r, j) == ' ' && CH(r, j + 1) == '#') {
            stop = j;
            break;
        }
    while (stop > i && CH(r, stop - 1) == ' ')
        stop--;
    if (stop == i || CH(r, stop - 1) == ':')
        return UNSURE;
    for (Py_ssize_t j = i; j + 1 < stop; j++)
        if (CH(r, j) == ':' && CH(r, j + 1) == ' ')
            return UNSURE;
    *out = plain_scalar(r, i, stop, 1);
    return *out ? OK : FAILED;
}

/* blockyaml._value: a one-line value; `room` is how many more collections may nest */
static Outcome value(Reader *r, Py_ssize_t i, Py_ssize_t end, int room, PyObject **out)
{
    if (room > 0 && simple_words(r, i, end))
        return words(r, i, end, out);
    Py_UCS4 first = CH(r, i);
    if (first == '[' || first == '{') {
        Py_ssize_t stop;
        Outcome done = flow(r, i, end, room, out, &stop);
        if (done == OK && !after_ok(r, stop, end)) {
            Py_CLEAR(*out);
            return UNSURE;
        }
        return done;
    }
    return scalar(r, i, end, out);
}

/* --- block scalars ---------------------------------------------------------------------- */

static int blank_line(Reader *r, Py_ssize_t index)
{
    for (Py_ssize_t i = r->starts[index]; i < r->ends[index]; i++)
        if (CH(r, i) != ' ')
            return 0;
    return 1;
}

#define LINE_LENGTH(r, index) ((r)->ends[index] - (r)->starts[index])

static int append_newlines(PyObject *parts, Py_ssize_t count)
{
    if (count <= 0)
        return 0;
    PyObject *text = PyUnicode_New(count, 127);
    if (text == NULL)
        return -1;
    memset(PyUnicode_DATA(text), '\n', (size_t)count);
    int failed = PyList_Append(parts, text);
    Py_DECREF(text);
    return failed;
}

/* blockyaml._block_scalar: a literal (|) or folded (>) block scalar whose header is
 * text[i:end] on line `number` (from 1); `parent` is its key's indentation. The node,
 * and in *last the number of its last line. */
static Outcome block_scalar(Reader *r, Py_ssize_t i, Py_ssize_t end, long number, Py_ssize_t parent,
                            PyObject **out, long *last_line)
{
    /* the header: `([|>])([-+]?)(?: +(?:#.*)?)?\Z` */
    Py_UCS4 style = CH(r, i);
    Py_UCS4 chomp = 0;
    Py_ssize_t j = i + 1;
    if (j < end && (CH(r, j) == '-' || CH(r, j) == '+'))
        chomp = CH(r, j++);
    if (!after_ok(r, j, end))
        return UNSURE;
    Py_ssize_t stop_line = r->lines - (r->ends[r->lines - 1] == r->starts[r->lines - 1]);
    Py_ssize_t indent = 0, last = number; /* last: the last line with content, from 1 */
    Py_ssize_t index;
    for (index = number; index < stop_line; index++) { /* line index + 1 */
        if (blank_line(r, index)) {
            if (indent && LINE_LENGTH(r, index) > indent)
                return UNSURE;
            continue;
        }
        Py_ssize_t spaces = skip_spaces(r, r->starts[index], r->ends[index]) - r->starts[index];
        if (spaces <= parent)
            break;
        if (!indent) {
            for (Py_ssize_t k = number; k < index; k++)
                if (LINE_LENGTH(r, k) > spaces)
                    return UNSURE;
            indent = spaces;
        } else if (spaces != indent) {
            return UNSURE;
        }
        last = index + 1;
    }
    /* index: the first line after the scalar, from 0; last: its last line with text, from 1 */
    if (last == number)
        return UNSURE;
    for (Py_ssize_t k = number; k < last; k++)
        if (blank_line(r, k) && LINE_LENGTH(r, k) > indent)
            return UNSURE;
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        return FAILED;
    Py_ssize_t empties = 0; /* blank lines since the last content line */
    int seen = 0;
    for (Py_ssize_t k = number; k < last; k++) {
        if (blank_line(r, k)) {
            empties++;
            continue;
        }
        /* empty lines before the first text stay; between two texts a folded scalar's
         * own line break goes (to a space, when no empty line stands for it) */
        Py_ssize_t breaks = style == '|' && seen ? empties + 1 : empties;
        int failed;
        if (style == '>' && seen && empties == 0) {
            PyObject *space = PyUnicode_FromString(" ");
            failed = space == NULL || PyList_Append(parts, space) < 0;
            Py_XDECREF(space);
        } else {
            failed = append_newlines(parts, breaks) < 0;
        }
        PyObject *content = failed ? NULL : substring(r, r->starts[k] + indent, r->ends[k]);
        if (content == NULL || PyList_Append(parts, content) < 0) {
            Py_XDECREF(content);
            Py_DECREF(parts);
            return FAILED;
        }
        Py_DECREF(content);
        seen = 1;
        empties = 0;
    }
    /* the line breaks after the last text, none where the file ends without one */
    Py_ssize_t breaks = (index < r->lines - 1 ? index : r->lines - 1) - (last - 1);
    if (breaks < 0)
        breaks = 0;
    if (chomp == 0 ? append_newlines(parts, breaks < 1 ? breaks : 1) : chomp == '+' ? append_newlines(parts, breaks) : 0) {
        Py_DECREF(parts);
        return FAILED;
    }
    PyObject *text = PyUnicode_Join(EMPTY_STR, parts);
    Py_DECREF(parts);
    if (text == NULL)
        return FAILED;
    PyObject *line = PyLong_FromLong(number);
    *out = new_scalar(Py_NewRef(text), text, line, column_of(r, i), 0);
    *last_line = last;
    return *out ? OK : FAILED;
}

/* --- the block structure -------------------------------------------------------------- */

typedef struct {
    Py_ssize_t indent;   /* column of the collection's keys or dashes */
    PyObject *node;      /* borrowed: its parent or the root holds it */
    int is_sequence;
    PyObject *awaiting;  /* a key whose value is a block still to come (owned), or NULL */
    PyObject *awaiting_line;
    Py_ssize_t awaiting_column;
} Frame;

typedef struct {
    Frame *frames;
    Py_ssize_t size, capacity;
} Stack;

static void clear_awaiting(Frame *frame)
{
    Py_CLEAR(frame->awaiting);
    Py_CLEAR(frame->awaiting_line);
}

static void stack_free(Stack *stack)
{
    for (Py_ssize_t i = 0; i < stack->size; i++)
        clear_awaiting(&stack->frames[i]);
    PyMem_Free(stack->frames);
}

static Frame *push(Stack *stack, Py_ssize_t indent, PyObject *node, int is_sequence)
{
    if (stack->size == stack->capacity) {
        Py_ssize_t capacity = stack->capacity ? stack->capacity * 2 : 16;
        Frame *frames = PyMem_Realloc(stack->frames, (size_t)capacity * sizeof(Frame));
        if (frames == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        stack->frames = frames;
        stack->capacity = capacity;
    }
    Frame *frame = &stack->frames[stack->size++];
    frame->indent = indent;
    frame->node = node;
    frame->is_sequence = is_sequence;
    frame->awaiting = NULL;
    frame->awaiting_line = NULL;
    frame->awaiting_column = 0;
    return frame;
}

/* a key whose block never came is null, placed just after its colon */
static int close_key(Frame *frame)
{
    if (frame->awaiting == NULL)
        return 0;
    PyObject *node = new_scalar(Py_NewRef(Py_None), Py_NewRef(EMPTY_STR), Py_NewRef(frame->awaiting_line),
                                PyLong_FromSsize_t(frame->awaiting_column), 1);
    int failed = node == NULL || PyDict_SetItem(SLOT(frame->node, MP_ITEMS), frame->awaiting, node) < 0;
    Py_XDECREF(node);
    clear_awaiting(frame);
    return failed ? -1 : 0;
}

static int pop(Stack *stack)
{
    Frame *frame = &stack->frames[--stack->size];
    return close_key(frame);
}

/* hand a new block collection to the key waiting for it */
static int give(Frame *frame, PyObject *node)
{
    int failed = PyDict_SetItem(SLOT(frame->node, MP_ITEMS), frame->awaiting, node) < 0;
    clear_awaiting(frame);
    return failed ? -1 : 0;
}

static Outcome read_lines(Reader *r, int max_depth, PyObject **root_out)
{
    Stack stack = {NULL, 0, 0};
    PyObject *root = NULL;
    Outcome outcome = OK;
    long skip_to = 0;
    Py_ssize_t top_column = 0;
    int top_is_mapping = 0;
#define GIVE_UP(how)                                                                                     \
    do {                                                                                                 \
        outcome = (how);                                                                                 \
        goto done;                                                                                       \
    } while (0)
#define CHECK(call)                                                                                      \
    do {                                                                                                 \
        if ((call) < 0)                                                                                  \
            GIVE_UP(FAILED);                                                                             \
    } while (0)

    for (Py_ssize_t index = 0; index < r->lines; index++) {
        long number = (long)index + 1;
        if (number <= skip_to)
            continue;
        Py_ssize_t s = r->starts[index], e = r->ends[index];
        Py_CLEAR(r->line_object);
        r->line_number = number;
        r->line_start = s;
        /* `( *)(- +|-\Z)?(?:([A-Za-z_][A-Za-z0-9_-]*):(?: +|\Z))?` */
        Py_ssize_t i = skip_spaces(r, s, e);
        Py_ssize_t indent = i - s, dash = 0;
        if (i < e && CH(r, i) == '-') {
            if (i + 1 == e)
                dash = 1;
            else if (CH(r, i + 1) == ' ')
                dash = skip_spaces(r, i + 1, e) - i;
            i += dash;
        }
        Py_ssize_t key_start = -1, key_end = -1;
        if (i < e && is_key_start(CH(r, i))) {
            Py_ssize_t j = i + 1;
            while (j < e && is_key_char(CH(r, j)))
                j++;
            if (j < e && CH(r, j) == ':' && (j + 1 == e || CH(r, j + 1) == ' ')) {
                key_start = i;
                key_end = j;
                i = skip_spaces(r, j + 1, e);
            }
        }
        Py_ssize_t rest = i; /* the rest of the line is text[rest:e] */
        int has_dash = dash > 0, has_key = key_start >= 0;
        if (!has_dash && !has_key) {
            if (rest == e || CH(r, rest) == '#') /* a blank line holds spaces only: U+00A0 is text */
                continue;
            GIVE_UP(UNSURE); /* a scalar on its own line: a continuation, a document, ... */
        }
        Py_ssize_t column = indent + 1; /* of the dash, or of the key when there is no dash */
        Py_ssize_t key_column;
        Frame *top;
        if (!has_dash && column == top_column && top_is_mapping) {
            /* the next key of the mapping being read: the common line */
            key_column = column;
            top = &stack.frames[stack.size - 1];
            CHECK(close_key(top));
        } else {
            if (root == NULL) {
                if (has_dash || column != 1)
                    GIVE_UP(UNSURE);
                root = new_mapping(line_of(r), PyLong_FromLong(1), 0);
                if (root == NULL || push(&stack, 1, root, 0) == NULL)
                    GIVE_UP(FAILED);
            }
            if (has_dash) {
                /* close deeper blocks; a key at the dash's column may own an indentless list */
                while (stack.frames[stack.size - 1].indent > column)
                    CHECK(pop(&stack));
                top = &stack.frames[stack.size - 1];
                PyObject *sequence;
                if (top->is_sequence && top->indent == column) {
                    sequence = top->node;
                } else if (!top->is_sequence && top->awaiting != NULL && top->indent <= column) {
                    sequence = new_sequence(line_of(r), PyLong_FromSsize_t(column));
                    if (sequence == NULL)
                        GIVE_UP(FAILED);
                    int failed = give(top, sequence);
                    Py_DECREF(sequence); /* the mapping holds it */
                    if (failed || push(&stack, column, sequence, 1) == NULL)
                        GIVE_UP(FAILED);
                } else {
                    GIVE_UP(UNSURE);
                }
                PyObject *items = SLOT(sequence, SQ_ITEMS);
                if (!has_key) {
                    if (rest == e || CH(r, rest) == '#')
                        GIVE_UP(UNSURE); /* a "-" whose item is on the lines below */
                    PyObject *item = NULL;
                    Outcome got = value(r, rest, e, max_depth - (int)stack.size, &item);
                    if (got != OK)
                        GIVE_UP(got);
                    int failed = PyList_Append(items, item);
                    Py_DECREF(item);
                    CHECK(failed);
                    top_column = stack.frames[stack.size - 1].indent; /* the list */
                    top_is_mapping = 0;
                    continue;
                }
                key_column = column + dash;
                PyObject *mapping = new_mapping(line_of(r), PyLong_FromSsize_t(key_column), 0);
                if (mapping == NULL)
                    GIVE_UP(FAILED);
                int failed = PyList_Append(items, mapping);
                Py_DECREF(mapping); /* the list holds it */
                if (failed || (top = push(&stack, key_column, mapping, 0)) == NULL)
                    GIVE_UP(FAILED);
            } else {
                key_column = column;
                while (stack.frames[stack.size - 1].indent > key_column ||
                       (stack.frames[stack.size - 1].indent == key_column && stack.frames[stack.size - 1].is_sequence)) {
                    CHECK(pop(&stack));
                    if (stack.size == 0)
                        GIVE_UP(UNSURE);
                }
                top = &stack.frames[stack.size - 1];
                if (top->indent < key_column) {
                    if (top->is_sequence || top->awaiting == NULL)
                        GIVE_UP(UNSURE); /* deeper than its mapping with no key waiting for it */
                    PyObject *mapping = new_mapping(line_of(r), PyLong_FromSsize_t(key_column), 0);
                    if (mapping == NULL)
                        GIVE_UP(FAILED);
                    int failed = give(top, mapping);
                    Py_DECREF(mapping);
                    if (failed || (top = push(&stack, key_column, mapping, 0)) == NULL)
                        GIVE_UP(FAILED);
                } else {
                    CHECK(close_key(top));
                }
            }
            if (stack.size > max_depth)
                GIVE_UP(UNSURE);
            top_column = top->indent;
            top_is_mapping = !top->is_sequence;
        }
        PyObject *mapping = top->node;
        PyObject *items = SLOT(mapping, MP_ITEMS);
        if (unsure_key(r, key_start, key_end))
            GIVE_UP(UNSURE); /* not text, or too long: the full loader says so */
        PyObject *key = key_of(r, key_start, key_end);
        if (key == NULL)
            GIVE_UP(FAILED);
        int taken = PyDict_Contains(items, key);
        PyObject *line = taken == 0 ? line_of(r) : NULL;
        if (line == NULL || PyDict_SetItem(SLOT(mapping, MP_KEYS), key, line) < 0) {
            Py_DECREF(key);
            Py_XDECREF(line);
            GIVE_UP(taken > 0 ? UNSURE : FAILED); /* a duplicate: the full loader says so */
        }
        Py_ssize_t value_at = rest; /* m.end() */
        if (rest == e || CH(r, rest) == '#') {
            top->awaiting = key; /* its value is a block to come, or null */
            top->awaiting_line = line;
            top->awaiting_column = key_column + (key_end - key_start) + 1;
            continue;
        }
        Py_DECREF(line);
        PyObject *node = NULL;
        Outcome got;
        Py_UCS4 first = CH(r, rest);
        if (first == '|' || first == '>') {
            long last = number;
            got = block_scalar(r, rest, e, number, key_column - 1, &node, &last);
            if (got == OK)
                skip_to = last;
        } else {
            int simple = !is_indicator(first) && CH(r, e - 1) != ':' && CH(r, e - 1) != ' ';
            for (Py_ssize_t k = rest; simple && k + 1 < e; k++) {
                Py_UCS4 c = CH(r, k);
                if (c == ' ' && CH(r, k + 1) == '#')
                    simple = 0;
                else if (c == ':' && CH(r, k + 1) == ' ')
                    simple = 0;
            }
            if (simple) { /* a plain word or sentence, the common value: typed in line */
                node = plain_scalar(r, value_at, e, maybe_typed(first));
                got = node ? OK : FAILED;
            } else {
                got = value(r, rest, e, max_depth - (int)stack.size, &node);
            }
        }
        if (got == OK && PyDict_SetItem(items, key, node) < 0)
            got = FAILED;
        Py_DECREF(key);
        Py_XDECREF(node);
        if (got != OK)
            GIVE_UP(got);
    }
    if (root != NULL)
        while (stack.size > 0)
            CHECK(pop(&stack));
done:
    stack_free(&stack);
    Py_CLEAR(r->line_object);
    if (outcome != OK || root == NULL) {
        Py_XDECREF(root);
        return outcome;
    }
    *root_out = root;
    return OK;
#undef GIVE_UP
#undef CHECK
}

/* blockyaml.checked's rule: tabs, other line breaks, and everything YAML refuses
 * (control characters, surrogates, U+FFFE/FFFF, the byte order mark) go to the full
 * loader, which says where */
static inline int plain_character(Py_UCS4 c)
{
    if (c < 0x80)
        return c >= 0x20 && c != 0x7f;
    if (c < 0xa0)
        return 0;
    if (c <= 0xd7ff)
        return c != 0x2028 && c != 0x2029;
    if (c < 0xe000)
        return 0;
    if (c <= 0xfffd)
        return c != 0xfeff;
    return c >= 0x10000 && c <= 0x10ffff;
}

/* blockyaml.DEEPEST: flow() recurses once per level, so no limit takes it deeper */
#define DEEPEST 128

static PyObject *read_text(PyObject *self, PyObject *args)
{
    PyObject *text, *limit;
    if (!PyArg_ParseTuple(args, "UO!", &text, &PyLong_Type, &limit))
        return NULL;
    int overflow;
    long long asked = PyLong_AsLongLongAndOverflow(limit, &overflow); /* any int: no OverflowError */
    if (asked == -1 && PyErr_Occurred())
        return NULL;
    int max_depth = overflow > 0 || asked > DEEPEST ? DEEPEST : overflow < 0 || asked < 0 ? 0 : (int)asked;
    if (ScalarType == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "setup() was not called");
        return NULL;
    }
    Reader r = {0};
    r.text = text;
    r.kind = PyUnicode_KIND(text);
    r.data = PyUnicode_DATA(text);
    r.length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t lines = 1;
    if (r.kind == PyUnicode_1BYTE_KIND) { /* most files: a table for each character */
        const Py_UCS1 *chars = r.data;
        int bad = 0;
        for (Py_ssize_t i = 0; i < r.length; i++) {
            lines += chars[i] == '\n';
            bad |= !PLAIN_BYTE[chars[i]];
        }
        if (bad)
            Py_RETURN_NONE;
    } else {
        for (Py_ssize_t i = 0; i < r.length; i++) {
            Py_UCS4 c = CH(&r, i);
            if (c == '\n')
                lines++;
            else if (!plain_character(c))
                Py_RETURN_NONE;
        }
    }
    r.starts = PyMem_Malloc((size_t)lines * sizeof(Py_ssize_t));
    r.ends = PyMem_Malloc((size_t)lines * sizeof(Py_ssize_t));
    if (r.starts == NULL || r.ends == NULL) {
        PyMem_Free(r.starts);
        PyMem_Free(r.ends);
        return PyErr_NoMemory();
    }
    Py_ssize_t line = 0, start = 0;
    if (r.kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *chars = r.data, *at;
        while ((at = memchr(chars + start, '\n', (size_t)(r.length - start))) != NULL) {
            r.starts[line] = start;
            r.ends[line++] = at - chars;
            start = at - chars + 1;
        }
    } else {
        for (Py_ssize_t i = 0; i < r.length; i++)
            if (CH(&r, i) == '\n') {
                r.starts[line] = start;
                r.ends[line++] = i;
                start = i + 1;
            }
    }
    r.starts[line] = start;
    r.ends[line] = r.length;
    r.lines = lines;
    PyObject *root = NULL;
    Outcome outcome = read_lines(&r, max_depth, &root);
    PyMem_Free(r.starts);
    PyMem_Free(r.ends);
    if (outcome == FAILED)
        return NULL;
    if (outcome == UNSURE || root == NULL)
        Py_RETURN_NONE;
    return root;
}

/* nodes.Scalar, as a type of its own: the most numerous object of a read (two million at
 * 100k claims), made and freed here without the cycle collector's bookkeeping. It holds
 * only a scalar value (str, int, float, bool, None, date) and its text and place, which
 * cannot refer back to it, so it needs no part in cycle collection. nodes.py keeps the
 * same class in Python for installs without a compiler. */
typedef struct {
    PyObject_HEAD
    PyObject *value, *raw, *line, *column, *plain;
} ScalarObject;

static PyMemberDef scalar_members[] = {
    {"value", T_OBJECT_EX, offsetof(ScalarObject, value), 0, NULL},
    {"raw", T_OBJECT_EX, offsetof(ScalarObject, raw), 0, NULL},
    {"line", T_OBJECT_EX, offsetof(ScalarObject, line), 0, NULL},
    {"column", T_OBJECT_EX, offsetof(ScalarObject, column), 0, NULL},
    {"plain", T_OBJECT_EX, offsetof(ScalarObject, plain), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int scalar_init(ScalarObject *self, PyObject *args, PyObject *kwds)
{
    static char *names[] = {"value", "raw", "line", "column", "plain", NULL};
    PyObject *value, *raw, *line, *column, *plain;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOO:Scalar", names, &value, &raw, &line, &column, &plain))
        return -1;
    Py_XSETREF(self->value, Py_NewRef(value));
    Py_XSETREF(self->raw, Py_NewRef(raw));
    Py_XSETREF(self->line, Py_NewRef(line));
    Py_XSETREF(self->column, Py_NewRef(column));
    Py_XSETREF(self->plain, Py_NewRef(plain));
    return 0;
}

static void scalar_dealloc(ScalarObject *self)
{
    Py_XDECREF(self->value);
    Py_XDECREF(self->raw);
    Py_XDECREF(self->line);
    Py_XDECREF(self->column);
    Py_XDECREF(self->plain);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *scalar_repr(ScalarObject *self)
{
    return PyUnicode_FromFormat("Scalar(%R@%R:%R)", self->value ? self->value : Py_None,
                                self->line ? self->line : Py_None, self->column ? self->column : Py_None);
}

static PyTypeObject ScalarObjectType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "claimcheck.nodes.Scalar",
    .tp_basicsize = sizeof(ScalarObject),
    .tp_dealloc = (destructor)scalar_dealloc,
    .tp_repr = (reprfunc)scalar_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A typed scalar. `value` is str, int, float, bool, None or datetime.date.",
    .tp_members = scalar_members,
    .tp_init = (initproc)scalar_init,
    .tp_new = PyType_GenericNew,
};

static PyMethodDef methods[] = {
    {"setup", setup_types, METH_VARARGS,
     "setup(Scalar, Sequence, Mapping, KeyLines, KeyColumns): the classes the reader fills"},
    {"read", read_text, METH_VARARGS,
     "read(text, max_depth) -> the root Mapping, or None where blockyaml.checked or its Python reader would "
     "give up (text with Windows line ends must have them made plain first); nesting deeper than DEEPEST "
     "levels is given up whatever max_depth says"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_cblockyaml", "blockyaml's plain block YAML reader, in C.", -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__cblockyaml(void)
{
    PyDateTime_IMPORT;
    set_tables();
    if (PyDateTimeAPI == NULL)
        return NULL;
    EMPTY_TUPLE = PyTuple_New(0);
    EMPTY_STR = PyUnicode_New(0, 0);
    if (EMPTY_TUPLE == NULL || EMPTY_STR == NULL)
        return NULL;
    if (PyType_Ready(&ScalarObjectType) < 0)
        return NULL;
    PyObject *made = PyModule_Create(&module);
    if (made != NULL && (PyModule_AddObjectRef(made, "Scalar", (PyObject *)&ScalarObjectType) < 0 ||
                         PyModule_AddIntConstant(made, "DEEPEST", DEEPEST) < 0))
        Py_CLEAR(made);
    return made;
}
