/* Validation's quick path for well-formed fields and records, in C.
 *
 * validate.py is the reference: `_Validator.plain_fields` takes each field of a record
 * whose value is plainly well-formed (text that is text, a slug that is a slug, a known
 * enum word, a number within bounds, a date, lists of those) and leaves every other
 * field, by name and in order, to the general checks, which report what is wrong. This
 * does the same, field for field, with the same caches. `plain_records` goes one step
 * further for the common case, a record with nothing to report: the whole of
 * `_Validator.record`, a claim's assertions read straight into model.Assertions (with
 * a small tuple of places each, for findings). At build, `plain_claims` makes each claim
 * whose references check out against the other files (`_Builder.claim` takes the rest),
 * and `plain_assertions` checks the assertions of a claim the general path read.
 * tests/test_validate_fast.py compares all of it with validate.py on generated, broken
 * and mutated corpora.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <structmember.h>

static PyTypeObject *ScalarType, *SequenceType, *DateSpanType;
static Py_ssize_t SC_VALUE, SC_RAW, SC_LINE, SC_COLUMN, SQ_ITEMS, SQ_LINE, SQ_COLUMN;
/* for whole records (plain_records): the Mapping node, validate._Item, model.Pos, and a
 * claim's assertions as read (validate._ReadAssertions) */
static PyTypeObject *MappingType, *ItemType, *PosType, *PeriodType, *AssertionType, *ReadType, *ClaimType;
/* model.Range: a value given as {min, max}, which only the general path checks */
static PyTypeObject *RangeType;
/* model.Claim's slots, in the order of its fields */
static const char *CLAIM_FIELDS[] = {"id", "text", "pos", "subject", "predicate", "object", "period", "tags", "assertions",
                                     "favours", "harms"};
enum { N_CLAIM = 11 };
static Py_ssize_t CLAIM_OFFSETS[N_CLAIM];
/* model.Assertion's slots, in the order of its fields */
static const char *ASSERTION_FIELDS[] = {"claim", "index", "source", "stance", "pos", "period", "date",
                                         "value", "credibility", "via", "quote", "url", "note", "withdrawn"};
enum { N_ASSERTION = 14 };
static Py_ssize_t ASSERTION_OFFSETS[N_ASSERTION];
enum { A_CLAIM, A_INDEX, A_SOURCE, A_STANCE, A_POS, A_PERIOD, A_DATE, A_VALUE, A_CREDIBILITY, A_VIA, A_QUOTE, A_URL, A_NOTE,
       A_WITHDRAWN };
static PyObject *DEFAULT_CREDIBILITY, *EMPTY_TUPLE, *UNBOUNDED;
/* an assertion's field names, as keys made once */
enum { K_SOURCE, K_STANCE, K_VALUE, K_VIA, K_PERIOD, K_DATE, K_CREDIBILITY, K_QUOTE, K_URL, K_NOTE, K_ID, K_ASSERTIONS,
       K_TEXT, K_SUBJECT, K_PREDICATE, K_OBJECT, K_TAGS, K_VALUE_TYPE, K_FAVOURS, K_HARMS, N_KEYS };
static const char *KEY_NAMES[N_KEYS] = {"source", "stance", "value", "via", "period", "date",
                                        "credibility", "quote", "url", "note", "id", "assertions",
                                        "text", "subject", "predicate", "object", "tags", "value_type",
                                        "favours", "harms"};
static PyObject *KEYS[N_KEYS];

static Py_ssize_t MP_ITEMS, MP_LINE, MP_COLUMN;
static Py_ssize_t IT_SECTION, IT_FILE, IT_WHERE, IT_VALUES, IT_PLACES, IT_OK, RD_ASSERTIONS, RD_PLACES;
static Py_ssize_t POS_FILE, POS_LINE, POS_COLUMN, PERIOD_START, PERIOD_END;
static Py_ssize_t SLUG_MAX;

#define SLOT(obj, offset) (*(PyObject **)((char *)(obj) + (offset)))

/* the field kinds this path takes; the others always go to the general checks */
enum { TEXT = 1, SLUG, ENUM, VALUE, INT, NUMBER, DATE, TEXT_LIST, SLUG_LIST, REF_OR_LIST, ASSERTIONS, PERIOD };

static int slot_offset(PyTypeObject *type, const char *name, Py_ssize_t *offset)
{
    PyObject *descr = PyDict_GetItemString(type->tp_dict, name);
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type) ||
        ((PyMemberDescrObject *)descr)->d_member->type != T_OBJECT_EX) {
        PyErr_Format(PyExc_TypeError, "%s.%s is not an object slot", type->tp_name, name);
        return -1;
    }
    *offset = ((PyMemberDescrObject *)descr)->d_member->offset;
    return 0;
}

static PyObject *setup_types(PyObject *self, PyObject *args)
{
    PyTypeObject *scalar, *sequence, *span;
    Py_ssize_t slug_max;
    if (!PyArg_ParseTuple(args, "O!O!O!n", &PyType_Type, &scalar, &PyType_Type, &sequence, &PyType_Type, &span,
                          &slug_max))
        return NULL;
    if (slot_offset(scalar, "value", &SC_VALUE) || slot_offset(scalar, "raw", &SC_RAW) || slot_offset(scalar, "line", &SC_LINE) ||
        slot_offset(scalar, "column", &SC_COLUMN) || slot_offset(sequence, "items", &SQ_ITEMS) ||
        slot_offset(sequence, "line", &SQ_LINE) || slot_offset(sequence, "column", &SQ_COLUMN))
        return NULL;
    Py_XSETREF(ScalarType, (PyTypeObject *)Py_NewRef(scalar));
    Py_XSETREF(SequenceType, (PyTypeObject *)Py_NewRef(sequence));
    Py_XSETREF(DateSpanType, (PyTypeObject *)Py_NewRef(span));
    SLUG_MAX = slug_max;
    Py_RETURN_NONE;
}

static PyObject *setup_records(PyObject *self, PyObject *args)
{
    PyTypeObject *mapping, *item, *pos, *period, *assertion, *read, *claim, *range;
    PyObject *credibility, *unbounded;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!O!O!OO!", &PyType_Type, &mapping, &PyType_Type, &item, &PyType_Type, &pos,
                          &PyType_Type, &period, &PyType_Type, &assertion, &PyType_Type, &read, &PyType_Type, &claim,
                          &PyLong_Type, &credibility, &unbounded, &PyType_Type, &range))
        return NULL;
    if (!Py_IS_TYPE(unbounded, period)) {
        PyErr_SetString(PyExc_TypeError, "the unbounded period must be a Period");
        return NULL;
    }
    for (int i = 0; i < N_ASSERTION; i++)
        if (slot_offset(assertion, ASSERTION_FIELDS[i], &ASSERTION_OFFSETS[i]))
            return NULL;
    for (int i = 0; i < N_CLAIM; i++)
        if (slot_offset(claim, CLAIM_FIELDS[i], &CLAIM_OFFSETS[i]))
            return NULL;
    if (slot_offset(mapping, "items", &MP_ITEMS) || slot_offset(mapping, "line", &MP_LINE) ||
        slot_offset(mapping, "column", &MP_COLUMN) || slot_offset(item, "section", &IT_SECTION) ||
        slot_offset(item, "file", &IT_FILE) || slot_offset(item, "where", &IT_WHERE) ||
        slot_offset(item, "values", &IT_VALUES) || slot_offset(item, "places", &IT_PLACES) ||
        slot_offset(item, "ok", &IT_OK) || slot_offset(pos, "file", &POS_FILE) ||
        slot_offset(pos, "line", &POS_LINE) || slot_offset(pos, "column", &POS_COLUMN) ||
        slot_offset(period, "start", &PERIOD_START) || slot_offset(period, "end", &PERIOD_END) ||
        slot_offset(read, "assertions", &RD_ASSERTIONS) || slot_offset(read, "places", &RD_PLACES))
        return NULL;
    /* new_slotted fills every slot itself: there must be no others (a __dict__, more fields) */
    if (item->tp_dictoffset || pos->tp_dictoffset || period->tp_dictoffset ||
        period->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + 2 * sizeof(PyObject *)) ||
        assertion->tp_dictoffset || assertion->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + N_ASSERTION * sizeof(PyObject *)) ||
        item->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + 6 * sizeof(PyObject *)) ||
        pos->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + 3 * sizeof(PyObject *)) || read->tp_dictoffset ||
        read->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + 2 * sizeof(PyObject *)) || claim->tp_dictoffset ||
        claim->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + N_CLAIM * sizeof(PyObject *))) {
        PyErr_SetString(PyExc_TypeError, "_Item, Pos, Period, Assertion, _ReadAssertions and Claim must have exactly their slots");
        return NULL;
    }
    Py_XSETREF(MappingType, (PyTypeObject *)Py_NewRef(mapping));
    Py_XSETREF(ItemType, (PyTypeObject *)Py_NewRef(item));
    Py_XSETREF(PosType, (PyTypeObject *)Py_NewRef(pos));
    Py_XSETREF(PeriodType, (PyTypeObject *)Py_NewRef(period));
    Py_XSETREF(AssertionType, (PyTypeObject *)Py_NewRef(assertion));
    Py_XSETREF(ReadType, (PyTypeObject *)Py_NewRef(read));
    Py_XSETREF(ClaimType, (PyTypeObject *)Py_NewRef(claim));
    Py_XSETREF(RangeType, (PyTypeObject *)Py_NewRef(range));
    Py_XSETREF(DEFAULT_CREDIBILITY, Py_NewRef(credibility));
    Py_XSETREF(UNBOUNDED, Py_NewRef(unbounded));
    if (EMPTY_TUPLE == NULL && (EMPTY_TUPLE = PyTuple_New(0)) == NULL)
        return NULL;
    for (int i = 0; i < N_KEYS; i++)
        if (KEYS[i] == NULL && (KEYS[i] = PyUnicode_InternFromString(KEY_NAMES[i])) == NULL)
            return NULL;
    Py_RETURN_NONE;
}

/* What the caches and the field's declaration say; see plain_fields. */
typedef struct {
    PyObject *slugs; /* text -> the one object for it */
    PyObject *dates; /* text, or (type, value) -> DateSpan or the reason it is not a date */
    PyObject *typed_dates; /* a typed value's text as written -> the same, as date() gave it */
    PyObject *date;  /* the validator's date(value): parses and caches */
} Caches;

/* The result of one check: a new reference, or GENERAL (not plainly well-formed), or
 * NULL with an exception. */
static PyObject GENERAL_OBJECT;
#define GENERAL (&GENERAL_OBJECT)

static PyObject *plain_text(PyObject *node)
{
    if (Py_IS_TYPE(node, ScalarType)) {
        PyObject *value = SLOT(node, SC_VALUE);
        if (PyUnicode_Check(value))
            return Py_NewRef(value);
    }
    return GENERAL;
}

static inline int slug_char(Py_UCS1 c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/* schema.SLUG_PATTERN, matched whole: [a-z0-9][a-z0-9._-]*, at most SLUG_MAX characters */
static int is_slug(PyObject *value)
{
    if (!PyUnicode_Check(value) || !PyUnicode_IS_ASCII(value))
        return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(value);
    const Py_UCS1 *c = PyUnicode_1BYTE_DATA(value);
    if (n == 0 || n > SLUG_MAX || !slug_char(c[0]))
        return 0;
    for (Py_ssize_t i = 1; i < n; i++)
        if (!slug_char(c[i]) && c[i] != '.' && c[i] != '_' && c[i] != '-')
            return 0;
    return 1;
}

/* `keep`: references are named again and again and are kept in the cache; ids once */
static PyObject *plain_slug(PyObject *node, Caches *caches, int keep)
{
    if (!Py_IS_TYPE(node, ScalarType))
        return GENERAL;
    PyObject *value = SLOT(node, SC_VALUE);
    if (!keep) /* an id: named once, so looking it up would only miss */
        return is_slug(value) ? Py_NewRef(value) : GENERAL;
    PyObject *known = PyDict_GetItemWithError(caches->slugs, value);
    if (known != NULL)
        return Py_NewRef(known);
    if (PyErr_Occurred())
        return NULL;
    if (!is_slug(value))
        return GENERAL;
    if (PyDict_SetItem(caches->slugs, value, value) < 0)
        return NULL;
    return Py_NewRef(value);
}

static PyObject *plain_enum(PyObject *node, PyObject *choices)
{
    if (!Py_IS_TYPE(node, ScalarType))
        return GENERAL;
    PyObject *value = SLOT(node, SC_VALUE);
    if (!PyUnicode_CheckExact(value))
        return GENERAL;
    int known = PySet_Contains(choices, value);
    if (known <= 0)
        return known < 0 ? NULL : GENERAL;
    Py_INCREF(value);
    PyUnicode_InternInPlace(&value); /* one object for every `affirms`: the schema's own */
    return value;
}

static PyObject *plain_value(PyObject *node, Caches *caches)
{
    if (!Py_IS_TYPE(node, ScalarType) || SLOT(node, SC_VALUE) == Py_None)
        return GENERAL;
    PyObject *value = SLOT(node, SC_VALUE);
    if (PyUnicode_Check(value)) {
        PyObject *known = PyDict_GetItemWithError(caches->slugs, value);
        if (known != NULL)
            return Py_NewRef(known);
        if (PyErr_Occurred())
            return NULL;
    }
    return Py_NewRef(value);
}

static PyObject *plain_number(PyObject *node, int any_number, PyObject *minimum, PyObject *maximum)
{
    if (!Py_IS_TYPE(node, ScalarType))
        return GENERAL;
    PyObject *value = SLOT(node, SC_VALUE);
    /* an int is always finite (and isfinite cannot take one beyond a float) */
    if (!(PyLong_CheckExact(value) || (any_number && PyFloat_CheckExact(value) && isfinite(PyFloat_AS_DOUBLE(value)))))
        return GENERAL;
    if (minimum != Py_None) {
        int ok = PyObject_RichCompareBool(value, minimum, Py_GE);
        if (ok <= 0)
            return ok < 0 ? NULL : GENERAL;
    }
    if (maximum != Py_None) {
        int ok = PyObject_RichCompareBool(value, maximum, Py_LE);
        if (ok <= 0)
            return ok < 0 ? NULL : GENERAL;
    }
    return Py_NewRef(value);
}

static PyObject *plain_date(PyObject *node, Caches *caches)
{
    if (!Py_IS_TYPE(node, ScalarType) || SLOT(node, SC_VALUE) == Py_None)
        return GENERAL;
    PyObject *value = SLOT(node, SC_VALUE), *raw = SLOT(node, SC_RAW);
    /* A text is its own key, as _Validator.date keys it. A typed value (a YAML date, a
     * year as a number) is what its text as written reads as, so that text keys it in a
     * table of its own: no (type, value) tuple to make and hash for each. */
    int typed = !PyUnicode_CheckExact(value) && PyUnicode_CheckExact(raw);
    PyObject *key = PyUnicode_CheckExact(value) ? value : raw;
    PyObject *cache = typed ? caches->typed_dates : caches->dates;
    PyObject *span = NULL;
    if (PyUnicode_CheckExact(key)) {
        span = PyDict_GetItemWithError(cache, key);
        if (span == NULL && PyErr_Occurred())
            return NULL;
    }
    if (span != NULL)
        Py_INCREF(span);
    else if ((span = PyObject_CallOneArg(caches->date, value)) == NULL)
        return NULL;
    else if (typed && PyDict_SetItem(cache, key, span) < 0) {
        Py_DECREF(span);
        return NULL;
    }
    if (Py_IS_TYPE(span, DateSpanType))
        return span;
    Py_DECREF(span);
    return GENERAL;
}

/* a list of text or slugs; with `placed`, each element as (value, line, column) */
static PyObject *plain_list(PyObject *node, int slugs, int placed, Caches *caches)
{
    if (!Py_IS_TYPE(node, SequenceType))
        return GENERAL;
    PyObject *items = SLOT(node, SQ_ITEMS);
    Py_ssize_t n = PyList_GET_SIZE(items);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *element = PyList_GET_ITEM(items, i);
        PyObject *value = slugs ? plain_slug(element, caches, 1) : plain_text(element);
        if (value == NULL || value == GENERAL) {
            Py_DECREF(out);
            return value;
        }
        if (placed) {
            PyObject *entry = PyTuple_Pack(3, value, SLOT(element, SC_LINE), SLOT(element, SC_COLUMN));
            Py_DECREF(value);
            if (entry == NULL) {
                Py_DECREF(out);
                return NULL;
            }
            value = entry;
        }
        PyList_SET_ITEM(out, i, value);
    }
    return out;
}

static PyObject *plain_ref_or_list(PyObject *node, int placed, Caches *caches)
{
    if (Py_IS_TYPE(node, SequenceType))
        return plain_list(node, 1, placed, caches);
    PyObject *single = plain_slug(node, caches, 1);
    if (single == NULL || single == GENERAL)
        return single;
    PyObject *entry = PyTuple_Pack(3, single, SLOT(node, SC_LINE), SLOT(node, SC_COLUMN));
    Py_DECREF(single);
    if (entry == NULL)
        return NULL;
    PyObject *out = PyList_New(1);
    if (out == NULL) {
        Py_DECREF(entry);
        return NULL;
    }
    PyList_SET_ITEM(out, 0, entry);
    return out;
}

static PyObject *new_slotted(PyTypeObject *type, const Py_ssize_t *offsets, PyObject *const *values, int n);
static PyObject *plain_assertion_records(PyObject *node, PyObject *layout, PyObject *file, Caches *caches);

/* `{start: date, end: date}`, either bound left empty or out, that does not end before
 * it starts: a Period */
static PyObject *plain_period(PyObject *node, Caches *caches)
{
    if (PeriodType == NULL || !Py_IS_TYPE(node, MappingType) || !PyDict_CheckExact(SLOT(node, MP_ITEMS)))
        return GENERAL;
    PyObject *bounds[2] = {Py_None, Py_None}, *result = GENERAL; /* start, end */
    Py_ssize_t at = 0;
    PyObject *key, *value_node;
    while (PyDict_Next(SLOT(node, MP_ITEMS), &at, &key, &value_node)) {
        int which = PyUnicode_CheckExact(key) ? (PyUnicode_CompareWithASCIIString(key, "start") == 0   ? 0
                                                 : PyUnicode_CompareWithASCIIString(key, "end") == 0 ? 1
                                                                                                      : -1)
                                              : -1;
        if (which < 0 || !Py_IS_TYPE(value_node, ScalarType))
            goto done;
        if (SLOT(value_node, SC_VALUE) == Py_None)
            continue; /* an open bound */
        PyObject *span = plain_date(value_node, caches);
        if (span == NULL || span == GENERAL) {
            result = span;
            goto done;
        }
        if (bounds[which] != Py_None) /* (a mapping names each key once: never so) */
            Py_DECREF(bounds[which]);
        bounds[which] = span;
    }
    if (bounds[0] != Py_None && bounds[1] != Py_None) {
        PyObject *first = PyObject_GetAttrString(bounds[0], "first"), *last = PyObject_GetAttrString(bounds[1], "last");
        int in_order = first && last ? PyObject_RichCompareBool(first, last, Py_LE) : -1;
        Py_XDECREF(first);
        Py_XDECREF(last);
        if (in_order <= 0) {
            result = in_order < 0 ? NULL : GENERAL;
            goto done;
        }
    }
    const Py_ssize_t offsets[2] = {PERIOD_START, PERIOD_END};
    result = new_slotted(PeriodType, offsets, bounds, 2);
done:
    for (int i = 0; i < 2; i++)
        if (bounds[i] != Py_None)
            Py_DECREF(bounds[i]);
    return result;
}

/* One field's value where it is plainly well-formed, by its code (kind, placed, keep in
 * the slug cache, enum choices, minimum, maximum): a new reference, GENERAL, or NULL. */
static PyObject *plain_field(PyObject *node, PyObject *code, long kind, int placed, int keep, PyObject *file,
                             Caches *caches)
{
    switch (kind) {
    case TEXT: return plain_text(node);
    case SLUG: return plain_slug(node, caches, keep);
    case ENUM: return plain_enum(node, PyTuple_GET_ITEM(code, 3));
    case VALUE: return plain_value(node, caches);
    case INT:
    case NUMBER: return plain_number(node, kind == NUMBER, PyTuple_GET_ITEM(code, 4), PyTuple_GET_ITEM(code, 5));
    case DATE: return plain_date(node, caches);
    case TEXT_LIST: return plain_list(node, 0, placed, caches);
    case SLUG_LIST: return plain_list(node, 1, placed, caches);
    case REF_OR_LIST: return plain_ref_or_list(node, placed, caches);
    case PERIOD: return plain_period(node, caches);
    case ASSERTIONS: /* only whole records (plain_records) take a claim's assertions */
        return file != NULL ? plain_assertion_records(node, PyTuple_GET_ITEM(code, 3), file, caches) : GENERAL;
    default: return GENERAL;
    }
}

/* Take each plainly well-formed field of `items` into `values` (its (line, column) into
 * `places` when placed). The names of the others go to `left`; with `left` NULL, the
 * first of them stops the walk instead. 0: done; 1: stopped; -1: an exception. */
static int take_fields(PyObject *items, PyObject *codes, PyObject *file, Caches *caches, PyObject *values,
                       PyObject *places, PyObject *left)
{
    Py_ssize_t at = 0;
    PyObject *name, *node;
    while (PyDict_Next(items, &at, &name, &node)) {
        PyObject *code = PyDict_GetItemWithError(codes, name);
        PyObject *value = GENERAL;
        int placed = 0;
        if (code != NULL && PyTuple_CheckExact(code) && PyTuple_GET_SIZE(code) == 6) {
            long kind = PyLong_AsLong(PyTuple_GET_ITEM(code, 0));
            placed = PyObject_IsTrue(PyTuple_GET_ITEM(code, 1));
            int keep = PyObject_IsTrue(PyTuple_GET_ITEM(code, 2));
            value = plain_field(node, code, kind, placed, keep, file, caches);
        } else if (code == NULL && PyErr_Occurred()) {
            value = NULL;
        }
        if (value == NULL)
            return -1;
        if (value == GENERAL) {
            if (left == NULL)
                return 1;
            if (PyList_Append(left, name) < 0)
                return -1;
            continue;
        }
        int failed = PyDict_SetItem(values, name, value) < 0;
        Py_DECREF(value);
        if (!failed && placed) {
            /* a field taken here is a scalar or a list */
            int scalar = Py_IS_TYPE(node, ScalarType);
            PyObject *line = SLOT(node, scalar ? SC_LINE : SQ_LINE), *column = SLOT(node, scalar ? SC_COLUMN : SQ_COLUMN);
            if (PyList_CheckExact(places)) { /* name, line, column, ... (see plain_item) */
                failed = PyList_Append(places, name) < 0 || PyList_Append(places, line) < 0 ||
                         PyList_Append(places, column) < 0;
            } else {
                PyObject *place = PyTuple_Pack(2, line, column);
                failed = place == NULL || PyDict_SetItem(places, name, place) < 0;
                Py_XDECREF(place);
            }
        }
        if (failed)
            return -1;
    }
    return 0;
}

/* plain_fields(items, codes, slugs, dates, typed_dates, date, values, places) -> the names left
 *
 * items: a Mapping's items (name -> node); codes: name -> (kind code, placed, keep in
 * the slug cache, enum choices as a set or None, minimum, maximum) for the fields this
 * path takes. Each field taken goes into values (and its (line, column) into places
 * when placed); the names of the others come back in order. */
static PyObject *plain_fields(PyObject *self, PyObject *args)
{
    PyObject *items, *codes, *values, *places;
    Caches caches;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!OO!O!", &PyDict_Type, &items, &PyDict_Type, &codes, &PyDict_Type,
                          &caches.slugs, &PyDict_Type, &caches.dates, &PyDict_Type, &caches.typed_dates,
                          &caches.date, &PyDict_Type, &values,
                          &PyDict_Type, &places))
        return NULL;
    if (ScalarType == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "setup() was not called");
        return NULL;
    }
    PyObject *left = PyList_New(0);
    if (left == NULL)
        return NULL;
    if (take_fields(items, codes, NULL, &caches, values, places, left) < 0) {
        Py_DECREF(left);
        return NULL;
    }
    return left;
}

/* a new object of a slots-only type, its slots set from `values` (new references) */
static PyObject *new_slotted(PyTypeObject *type, const Py_ssize_t *offsets, PyObject *const *values, int n)
{
    PyObject *obj = type->tp_alloc(type, 0);
    if (obj == NULL)
        return NULL;
    for (int i = 0; i < n; i++)
        SLOT(obj, offsets[i]) = Py_NewRef(values[i]);
    return obj;
}

/* values[key], or `otherwise` where it is not given (borrowed) */
static PyObject *given_or(PyObject *values, int key, PyObject *otherwise)
{
    PyObject *value = PyDict_GetItemWithError(values, KEYS[key]);
    return value != NULL ? value : otherwise; /* (a str key: no lookup error) */
}

/* whether a record of this layout gives every required field (0/1, -1: an exception) */
static int all_required(PyObject *values, PyObject *required)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(required); i++) {
        int given = PyDict_Contains(values, PyTuple_GET_ITEM(required, i));
        if (given <= 0)
            return given;
    }
    return 1;
}

/* the claim's id, and its period where an assertion gives none, into the Assertions read
 * with it (plain_assertion_records leaves them None: a mapping's fields come in any order) */
static void finish_assertions(PyObject *values)
{
    PyObject *read = given_or(values, K_ASSERTIONS, NULL);
    if (read == NULL || !Py_IS_TYPE(read, ReadType))
        return;
    PyObject *claim = given_or(values, K_ID, NULL), *period = given_or(values, K_PERIOD, UNBOUNDED);
    if (claim == NULL) /* (a claim's id is required: never so) */
        return;
    PyObject *assertions = SLOT(read, RD_ASSERTIONS);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(assertions); i++) {
        PyObject *assertion = PyTuple_GET_ITEM(assertions, i);
        Py_SETREF(SLOT(assertion, ASSERTION_OFFSETS[A_CLAIM]), Py_NewRef(claim));
        if (SLOT(assertion, ASSERTION_OFFSETS[A_PERIOD]) == Py_None)
            Py_SETREF(SLOT(assertion, ASSERTION_OFFSETS[A_PERIOD]), Py_NewRef(period));
    }
}

/* One record, if it is wholly well-formed: every field taken by the quick path and every
 * required one given. layout: (codes, names of the required fields). An _Item, GENERAL,
 * or NULL with an exception. */
static PyObject *plain_item(PyObject *node, PyObject *section, PyObject *layout, PyObject *file, Caches *caches)
{
    if (!Py_IS_TYPE(node, MappingType) || !PyTuple_CheckExact(layout) || PyTuple_GET_SIZE(layout) != 2 ||
        !PyDict_CheckExact(SLOT(node, MP_ITEMS)))
        return GENERAL;
    PyObject *codes = PyTuple_GET_ITEM(layout, 0), *required = PyTuple_GET_ITEM(layout, 1);
    if (!PyDict_CheckExact(codes) || !PyTuple_CheckExact(required))
        return GENERAL;
    /* places as one flat tuple (name, line, column, ...), not a dict of pairs: a record
     * is read whole for every claim, and read back only for a finding (_Item.place) */
    PyObject *values = PyDict_New(), *places = PyList_New(0), *result = NULL;
    if (values == NULL || places == NULL)
        goto done;
    int taken = take_fields(SLOT(node, MP_ITEMS), codes, file, caches, values, places, NULL);
    if (taken != 0) {
        result = taken < 0 ? NULL : GENERAL;
        goto done;
    }
    int given = all_required(values, required);
    if (given <= 0) {
        result = given < 0 ? NULL : GENERAL;
        goto done;
    }
    finish_assertions(values);
    Py_ssize_t pos_offsets[3] = {POS_FILE, POS_LINE, POS_COLUMN};
    PyObject *pos_values[3] = {file, SLOT(node, MP_LINE), SLOT(node, MP_COLUMN)};
    PyObject *where = new_slotted(PosType, pos_offsets, pos_values, 3);
    if (where == NULL)
        goto done;
    Py_SETREF(places, PyList_AsTuple(places));
    if (places == NULL) {
        Py_DECREF(where);
        goto done;
    }
    Py_ssize_t item_offsets[6] = {IT_SECTION, IT_FILE, IT_WHERE, IT_VALUES, IT_PLACES, IT_OK};
    PyObject *item_values[6] = {section, file, where, values, places, Py_True};
    result = new_slotted(ItemType, item_offsets, item_values, 6);
    Py_DECREF(where);
done:
    Py_XDECREF(values);
    Py_XDECREF(places);
    return result;
}

/* An assertion's layout, decoded once for the codes dict it came from: each key's code
 * (NULL: not a field of the layout) and the keys it requires. */
typedef struct {
    PyObject *codes; /* the layout's codes dict (a strong reference), or NULL */
    int unusable;    /* a required name is no key here: no assertion is plain */
    PyObject *code[N_KEYS];
    long kind[N_KEYS];
    int placed[N_KEYS], keep[N_KEYS], required[N_KEYS];
} AssertionLayout;
static AssertionLayout ASSERTION_LAYOUT;

/* ASSERTION_LAYOUT for these codes and required names; 0, or 1 where a required name is
 * no key this file knows (then no assertion is plain), or -1 with an exception */
static int decode_assertion_layout(PyObject *codes, PyObject *required)
{
    AssertionLayout *layout = &ASSERTION_LAYOUT;
    if (layout->codes == codes)
        return layout->unusable;
    Py_CLEAR(layout->codes);
    for (int k = 0; k < N_KEYS; k++) {
        PyObject *code = PyDict_GetItemWithError(codes, KEYS[k]);
        if (code == NULL && PyErr_Occurred())
            return -1;
        if (code != NULL && !(PyTuple_CheckExact(code) && PyTuple_GET_SIZE(code) == 6))
            code = NULL; /* not a code this path reads: the general checks take the field */
        layout->code[k] = code; /* borrowed: the codes dict, kept below, holds it */
        layout->kind[k] = code ? PyLong_AsLong(PyTuple_GET_ITEM(code, 0)) : 0;
        layout->placed[k] = code ? PyObject_IsTrue(PyTuple_GET_ITEM(code, 1)) : 0;
        layout->keep[k] = code ? PyObject_IsTrue(PyTuple_GET_ITEM(code, 2)) : 0;
        layout->required[k] = 0;
        if (PyErr_Occurred())
            return -1;
    }
    int unknown = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(required); i++) {
        int found = 0;
        for (int k = 0; k < N_KEYS && !found; k++)
            if (PyUnicode_Check(PyTuple_GET_ITEM(required, i)) &&
                PyUnicode_Compare(PyTuple_GET_ITEM(required, i), KEYS[k]) == 0)
                layout->required[k] = found = 1;
        unknown |= !found;
    }
    if (PyErr_Occurred())
        return -1;
    layout->codes = Py_NewRef(codes);
    layout->unusable = unknown;
    return unknown;
}

/* which of KEYS a field's name is (the reader interns keys: most are found by identity),
 * or -1 */
static int key_index(PyObject *name)
{
    for (int k = 0; k < N_KEYS; k++)
        if (name == KEYS[k])
            return k;
    if (!PyUnicode_Check(name))
        return -1;
    for (int k = 0; k < N_KEYS; k++)
        if (PyUnicode_Compare(name, KEYS[k]) == 0)
            return k;
    return -1;
}

/* One assertion of a claim, wholly well-formed, as a model.Assertion with its claim and
 * (where it gives none) its period left None for finish_assertions. Its fields are read
 * by ASSERTION_LAYOUT straight into the Assertion's slots, with no dict between. Its
 * places go to *where_fields: (source line, column, value line, column, via as
 * [(id, line, column)]), None where not given; or only the source's column, where the
 * source is on the assertion's line and neither value nor via is given. An Assertion,
 * GENERAL, or NULL. */
static PyObject *plain_assertion(PyObject *node, Py_ssize_t index, PyObject *file, Caches *caches,
                                 PyObject **where_fields)
{
    if (!Py_IS_TYPE(node, MappingType) || !PyDict_CheckExact(SLOT(node, MP_ITEMS)))
        return GENERAL;
    const AssertionLayout *layout = &ASSERTION_LAYOUT;
    PyObject *got[N_KEYS] = {NULL}, *nodes[N_KEYS] = {NULL}; /* the fields taken, and their nodes */
    PyObject *via = NULL, *index_object = NULL, *pos = NULL, *made = NULL, *name, *field;
    Py_ssize_t at = 0;
    while (PyDict_Next(SLOT(node, MP_ITEMS), &at, &name, &field)) {
        int k = key_index(name);
        if (k < 0 || layout->code[k] == NULL) {
            made = GENERAL; /* a field this path does not take: the general checks report it */
            goto done;
        }
        PyObject *value = plain_field(field, layout->code[k], layout->kind[k], layout->placed[k], layout->keep[k],
                                      NULL, caches);
        if (value == NULL || value == GENERAL) {
            made = value;
            goto done;
        }
        got[k] = value;
        nodes[k] = field;
    }
    for (int k = 0; k < N_KEYS; k++)
        if (layout->required[k] && got[k] == NULL) {
            made = GENERAL;
            goto done;
        }
    if (got[K_SOURCE] != NULL && !Py_IS_TYPE(nodes[K_SOURCE], ScalarType)) {
        made = GENERAL; /* (a source is a scalar: never so) */
        goto done;
    }
    if (got[K_VALUE] != NULL && !Py_IS_TYPE(nodes[K_VALUE], ScalarType)) {
        made = GENERAL; /* (a value is a scalar: never so) */
        goto done;
    }
    /* via: [(source id, line, column), ...] as the model's tuple of ids */
    PyObject *placed_via = got[K_VIA] != NULL ? got[K_VIA] : Py_None;
    if (placed_via == Py_None) {
        via = Py_NewRef(EMPTY_TUPLE);
    } else {
        if (!PyList_CheckExact(placed_via)) {
            made = GENERAL;
            goto done;
        }
        if ((via = PyTuple_New(PyList_GET_SIZE(placed_via))) == NULL)
            goto done;
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(placed_via); k++) {
            PyObject *entry = PyList_GET_ITEM(placed_via, k);
            if (!PyTuple_CheckExact(entry) || PyTuple_GET_SIZE(entry) != 3) {
                made = GENERAL;
                goto done;
            }
            PyTuple_SET_ITEM(via, k, Py_NewRef(PyTuple_GET_ITEM(entry, 0)));
        }
    }
    PyObject *source = nodes[K_SOURCE], *value = nodes[K_VALUE];
    PyObject *fields_where[5] = {
        source ? SLOT(source, SC_LINE) : Py_None, source ? SLOT(source, SC_COLUMN) : Py_None,
        value ? SLOT(value, SC_LINE) : Py_None, value ? SLOT(value, SC_COLUMN) : Py_None, placed_via,
    };
    if ((index_object = PyLong_FromSsize_t(index)) == NULL)
        goto done;
    int same_line = source != NULL && PyObject_RichCompareBool(SLOT(source, SC_LINE), SLOT(node, MP_LINE), Py_EQ) == 1;
    if (PyErr_Occurred())
        goto done;
    if (same_line && value == NULL && placed_via == Py_None)
        /* most assertions: the source on the assertion's own line, no value, no via; its
         * column alone says where (a tuple each was 28 MB at 100k claims) */
        *where_fields = Py_NewRef(SLOT(source, SC_COLUMN));
    else if ((*where_fields = PyTuple_New(5)) == NULL)
        goto done;
    else
        for (int k = 0; k < 5; k++)
            PyTuple_SET_ITEM(*where_fields, k, Py_NewRef(fields_where[k]));
    Py_ssize_t pos_offsets[3] = {POS_FILE, POS_LINE, POS_COLUMN};
    PyObject *pos_values[3] = {file, SLOT(node, MP_LINE), SLOT(node, MP_COLUMN)};
    if ((pos = new_slotted(PosType, pos_offsets, pos_values, 3)) == NULL)
        goto done;
#define GIVEN_OR(key, otherwise) (got[key] != NULL ? got[key] : (otherwise))
    PyObject *fields[N_ASSERTION] = {
        [A_CLAIM] = Py_None, [A_INDEX] = index_object, [A_SOURCE] = GIVEN_OR(K_SOURCE, Py_None),
        [A_STANCE] = GIVEN_OR(K_STANCE, Py_None), [A_POS] = pos, [A_PERIOD] = GIVEN_OR(K_PERIOD, Py_None),
        [A_DATE] = GIVEN_OR(K_DATE, Py_None), [A_VALUE] = GIVEN_OR(K_VALUE, Py_None),
        [A_CREDIBILITY] = GIVEN_OR(K_CREDIBILITY, DEFAULT_CREDIBILITY), [A_VIA] = via,
        [A_QUOTE] = GIVEN_OR(K_QUOTE, Py_None), [A_URL] = GIVEN_OR(K_URL, Py_None), [A_NOTE] = GIVEN_OR(K_NOTE, Py_None),
        [A_WITHDRAWN] = Py_None, /* a withdrawn assertion is checked against its date: the general path */
    };
#undef GIVEN_OR
    made = new_slotted(AssertionType, ASSERTION_OFFSETS, fields, N_ASSERTION);
done:
    if (made == NULL || made == GENERAL)
        Py_CLEAR(*where_fields);
    for (int k = 0; k < N_KEYS; k++)
        Py_XDECREF(got[k]);
    Py_XDECREF(via);
    Py_XDECREF(index_object);
    Py_XDECREF(pos);
    return made;
}

/* A claim's `assertions`, each wholly well-formed, read straight into model.Assertions:
 * a _ReadAssertions (the Assertions, and where each one's checked fields are, for
 * findings if a cross-file check fails at build), GENERAL, or NULL with an exception.
 * No values or places dict is kept per assertion: they were most of a corpus's memory. */
static PyObject *plain_assertion_records(PyObject *node, PyObject *layout, PyObject *file, Caches *caches)
{
    if (!Py_IS_TYPE(node, SequenceType) || !PyTuple_CheckExact(layout) || PyTuple_GET_SIZE(layout) != 2)
        return GENERAL; /* left empty, or not a list: the general checks say which */
    PyObject *codes = PyTuple_GET_ITEM(layout, 0), *required = PyTuple_GET_ITEM(layout, 1);
    if (!PyDict_CheckExact(codes) || !PyTuple_CheckExact(required))
        return GENERAL;
    int decoded = decode_assertion_layout(codes, required);
    if (decoded != 0)
        return decoded < 0 ? NULL : GENERAL;
    PyObject *items = SLOT(node, SQ_ITEMS);
    Py_ssize_t n = PyList_GET_SIZE(items);
    /* tuples: the model's Claim takes the assertions' as they are */
    PyObject *assertions = PyTuple_New(n), *where = PyTuple_New(n), *result = NULL;
    if (assertions == NULL || where == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *fields_where = NULL;
        PyObject *made = plain_assertion(PyList_GET_ITEM(items, i), i, file, caches, &fields_where);
        if (made == NULL || made == GENERAL) {
            result = made;
            goto done;
        }
        PyTuple_SET_ITEM(assertions, i, made);
        PyTuple_SET_ITEM(where, i, fields_where);
    }
    PyObject *fields[2] = {assertions, where};
    const Py_ssize_t offsets[2] = {RD_ASSERTIONS, RD_PLACES};
    result = new_slotted(ReadType, offsets, fields, 2);
done:
    Py_XDECREF(assertions);
    Py_XDECREF(where);
    return result;
}

/* what a predicate's value_type asks of values, as far as this path checks it */
enum { ANY_VALUE, NUMBER_VALUE, TEXT_VALUE, BOOLEAN_VALUE, OTHER_VALUE };

static int value_kind(PyObject *value_type)
{
    if (value_type == Py_None)
        return ANY_VALUE;
    if (!PyUnicode_Check(value_type))
        return OTHER_VALUE;
    if (PyUnicode_CompareWithASCIIString(value_type, "number") == 0)
        return NUMBER_VALUE;
    if (PyUnicode_CompareWithASCIIString(value_type, "text") == 0)
        return TEXT_VALUE;
    if (PyUnicode_CompareWithASCIIString(value_type, "boolean") == 0)
        return BOOLEAN_VALUE;
    return OTHER_VALUE; /* dates and entities: the general path */
}

/* `_Builder.fits` for the kinds above, on a value that is not None */
static int fits(PyObject *value, int kind)
{
    switch (kind) {
    case ANY_VALUE: return RangeType == NULL || !PyObject_TypeCheck(value, RangeType); /* a range: its bounds are checked */
    case NUMBER_VALUE: return PyFloat_Check(value) || (PyLong_Check(value) && !PyBool_Check(value));
    case TEXT_VALUE: return PyUnicode_Check(value);
    case BOOLEAN_VALUE: return PyBool_Check(value);
    default: return 0;
    }
}

/* The cross-file checks of a claim's assertions as plain_records read them (a
 * _ReadAssertions): each source and via known, each value of the predicate's kind.
 * Their tuple, GENERAL (something to report: `_Builder.assertions` says what), or NULL. */
static PyObject *checked_assertions(PyObject *read, PyObject *sources, int kind)
{
    if (kind == OTHER_VALUE)
        return GENERAL;
    PyObject *assertions = SLOT(read, RD_ASSERTIONS);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(assertions); i++) {
        PyObject *assertion = PyTuple_GET_ITEM(assertions, i);
        int known = PyDict_Contains(sources, SLOT(assertion, ASSERTION_OFFSETS[A_SOURCE]));
        PyObject *via = SLOT(assertion, ASSERTION_OFFSETS[A_VIA]);
        for (Py_ssize_t k = 0; known > 0 && k < PyTuple_GET_SIZE(via); k++)
            known = PyDict_Contains(sources, PyTuple_GET_ITEM(via, k));
        if (known <= 0)
            return known < 0 ? NULL : GENERAL;
        PyObject *value = SLOT(assertion, ASSERTION_OFFSETS[A_VALUE]);
        if (value != Py_None && !fits(value, kind))
            return GENERAL;
    }
    return Py_NewRef(assertions);
}

/* plain_assertions(read, sources, value_type) -> a tuple of Assertions, or None
 *
 * checked_assertions for `_Builder.claim`, with the predicate's value_type (None,
 * "number", "text" and "boolean" are checked here; "date" and "entity" always give None).
 * None: `_Builder.assertions` checks them and says what is wrong. */
static PyObject *plain_assertions(PyObject *self, PyObject *args)
{
    PyObject *read, *sources, *value_type;
    if (!PyArg_ParseTuple(args, "OO!O", &read, &PyDict_Type, &sources, &value_type))
        return NULL;
    if (ReadType == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "setup_records() was not called");
        return NULL;
    }
    if (!Py_IS_TYPE(read, ReadType) || !PyTuple_CheckExact(SLOT(read, RD_ASSERTIONS))) {
        PyErr_SetString(PyExc_TypeError, "plain_assertions takes a _ReadAssertions");
        return NULL;
    }
    PyObject *out = checked_assertions(read, sources, value_kind(value_type));
    return out == GENERAL ? Py_NewRef(Py_None) : out;
}

/* One claim's model.Claim where `_Builder.claim` would report nothing: an _Item read
 * whole, with assertions, its subject a known entity, its object and values of the
 * predicate's kind, every source known. The Claim, GENERAL, or NULL. */
static PyObject *plain_claim(PyObject *item, PyObject *entities, PyObject *predicates, PyObject *sources)
{
    if (!Py_IS_TYPE(item, ItemType) || SLOT(item, IT_OK) != Py_True || !PyDict_CheckExact(SLOT(item, IT_VALUES)))
        return GENERAL;
    PyObject *values = SLOT(item, IT_VALUES);
    PyObject *ident = given_or(values, K_ID, NULL), *text = given_or(values, K_TEXT, NULL);
    PyObject *read = given_or(values, K_ASSERTIONS, NULL);
    if (ident == NULL || text == NULL || read == NULL || !Py_IS_TYPE(read, ReadType) ||
        !PyTuple_CheckExact(SLOT(read, RD_ASSERTIONS)) || PyTuple_GET_SIZE(SLOT(read, RD_ASSERTIONS)) == 0)
        return GENERAL; /* (no assertions: S011) */
    PyObject *subject = given_or(values, K_SUBJECT, Py_None);
    if (subject != Py_None) {
        int known = PyDict_Contains(entities, subject);
        if (known <= 0)
            return known < 0 ? NULL : GENERAL;
    }
    PyObject *predicate_id = given_or(values, K_PREDICATE, Py_None);
    int kind = ANY_VALUE;
    if (predicate_id != Py_None) {
        PyObject *predicate = PyDict_GetItemWithError(predicates, predicate_id);
        if (predicate == NULL && PyErr_Occurred())
            return NULL;
        if (predicate != NULL) {
            PyObject *value_type = PyObject_GetAttr(predicate, KEYS[K_VALUE_TYPE]);
            if (value_type == NULL)
                return NULL;
            kind = value_kind(value_type);
            Py_DECREF(value_type);
        }
    }
    PyObject *object = given_or(values, K_OBJECT, Py_None);
    if (kind == OTHER_VALUE || (object != Py_None && !fits(object, kind)))
        return GENERAL;
    PyObject *tags = given_or(values, K_TAGS, NULL);
    if (tags != NULL && !PyList_CheckExact(tags))
        return GENERAL;
    if (given_or(values, K_FAVOURS, NULL) != NULL || given_or(values, K_HARMS, NULL) != NULL)
        return GENERAL; /* their entities are checked, and against each other: the general path */
    PyObject *assertions = checked_assertions(read, sources, kind);
    if (assertions == NULL || assertions == GENERAL)
        return assertions;
    tags = tags == NULL ? Py_NewRef(EMPTY_TUPLE) : PyList_AsTuple(tags);
    if (tags == NULL) {
        Py_DECREF(assertions);
        return NULL;
    }
    PyObject *fields[N_CLAIM] = {
        ident, text, SLOT(item, IT_WHERE), subject, predicate_id, object, given_or(values, K_PERIOD, UNBOUNDED),
        tags, assertions, EMPTY_TUPLE, EMPTY_TUPLE,
    };
    PyObject *claim = new_slotted(ClaimType, CLAIM_OFFSETS, fields, N_CLAIM);
    Py_DECREF(tags);
    Py_DECREF(assertions);
    return claim;
}

/* plain_claims(items, claims, entities, predicates, sources, general) -> None
 *
 * `_Builder`'s loop over the claims (`items`: _Items with unique ids, in corpus order):
 * each claim with nothing to report goes into `claims` (id -> model.Claim) here, each
 * other one to general(item), `_Builder.claim`, which reports and adds it; so `claims`
 * keeps the items' order. entities and sources: the known ids; predicates: id ->
 * model.Predicate. */
static PyObject *plain_claims(PyObject *self, PyObject *args)
{
    PyObject *items, *claims, *entities, *predicates, *sources, *general;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O", &PyList_Type, &items, &PyDict_Type, &claims, &PyDict_Type, &entities,
                          &PyDict_Type, &predicates, &PyDict_Type, &sources, &general))
        return NULL;
    if (ClaimType == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "setup_records() was not called");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        PyObject *claim = plain_claim(item, entities, predicates, sources);
        if (claim == NULL)
            return NULL;
        if (claim == GENERAL) {
            PyObject *done = PyObject_CallOneArg(general, item);
            if (done == NULL)
                return NULL;
            Py_DECREF(done);
            continue;
        }
        int failed = PyDict_SetItem(claims, SLOT(claim, CLAIM_OFFSETS[0]), claim) < 0;
        Py_DECREF(claim);
        if (failed)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* plain_records(nodes, layout, section, file, slugs, dates, typed_dates, date) -> a list
 *
 * The whole of `_Validator.record` for each node of a section's list that is a wholly
 * well-formed record (no finding to make): its fields, and for a claim its assertions,
 * all taken by the quick path, and every required field given; its _Item, in one call.
 * None for any other node: the general path then reads it and says what is wrong.
 * layout: (codes, required names), where a claim's assertions have the code (ASSERTIONS,
 * placed, 0, an assertion's layout, None, None); they come as a _ReadAssertions (see
 * plain_assertion_records). */
static PyObject *plain_records(PyObject *self, PyObject *args)
{
    PyObject *nodes, *layout, *section, *file;
    Caches caches;
    if (!PyArg_ParseTuple(args, "O!O!UUO!O!O!O", &PyList_Type, &nodes, &PyTuple_Type, &layout, &section, &file,
                          &PyDict_Type, &caches.slugs, &PyDict_Type, &caches.dates, &PyDict_Type,
                          &caches.typed_dates, &caches.date))
        return NULL;
    if (ScalarType == NULL || MappingType == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "setup() and setup_records() were not called");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(nodes);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = plain_item(PyList_GET_ITEM(nodes, i), section, layout, file, &caches);
        if (item == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, item == GENERAL ? Py_NewRef(Py_None) : item);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"setup", setup_types, METH_VARARGS, "setup(Scalar, Sequence, DateSpan, slug_max)"},
    {"setup_records", setup_records, METH_VARARGS,
     "setup_records(Mapping, _Item, Pos, Period, Assertion, _ReadAssertions, Claim, default credibility, unbounded period)"},
    {"plain_claims", plain_claims, METH_VARARGS,
     "plain_claims(items, claims, entities, predicates, sources, general) -> None: each claim into claims, or to general(item)"},
    {"plain_assertions", plain_assertions, METH_VARARGS,
     "plain_assertions(read, sources, value_type) -> a claim's Assertions where their cross-file checks pass, or None"},
    {"plain_fields", plain_fields, METH_VARARGS,
     "plain_fields(items, codes, slugs, dates, typed_dates, date, values, places) -> names left for the general checks"},
    {"plain_records", plain_records, METH_VARARGS,
     "plain_records(nodes, layout, section, file, slugs, dates, typed_dates, date) -> each node's _Item, or None"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_cfields", "validate.py's quick path for well-formed fields, in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__cfields(void)
{
    return PyModule_Create(&module);
}
