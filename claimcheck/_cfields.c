/* Validation's quick path for well-formed fields and records, in C.
 *
 * validate.py is the reference: `_Validator.plain_fields` takes each field of a record
 * whose value is plainly well-formed (text that is text, a slug that is a slug, a known
 * enum word, a number within bounds, a date, lists of those) and leaves every other
 * field, by name and in order, to the general checks, which report what is wrong. This
 * does the same, field for field, with the same caches. `plain_record` goes one step
 * further for the common case, a record with nothing to report: the whole of
 * `_Validator.record`, its assertions included. tests/test_validate_fast.py compares
 * both with validate.py on generated and mutated corpora.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <structmember.h>

static PyTypeObject *ScalarType, *SequenceType, *DateSpanType;
static Py_ssize_t SC_VALUE, SC_LINE, SC_COLUMN, SQ_ITEMS, SQ_LINE, SQ_COLUMN;
/* for whole records (plain_record): the Mapping node, validate._Item and model.Pos */
static PyTypeObject *MappingType, *ItemType, *PosType, *PeriodType, *AssertionType;
/* model.Assertion's slots, in the order of its fields */
static const char *ASSERTION_FIELDS[] = {"claim", "index", "source", "stance", "pos", "period", "date",
                                         "value", "credibility", "via", "quote", "url", "note"};
enum { N_ASSERTION = 13 };
static Py_ssize_t ASSERTION_OFFSETS[N_ASSERTION];
static PyObject *DEFAULT_CREDIBILITY, *EMPTY_TUPLE;
/* an assertion's field names, as keys made once */
enum { K_SOURCE, K_STANCE, K_VALUE, K_VIA, K_PERIOD, K_DATE, K_CREDIBILITY, K_QUOTE, K_URL, K_NOTE, N_KEYS };
static const char *KEY_NAMES[N_KEYS] = {"source", "stance", "value", "via", "period", "date",
                                        "credibility", "quote", "url", "note"};
static PyObject *KEYS[N_KEYS];

static Py_ssize_t MP_ITEMS, MP_LINE, MP_COLUMN;
static Py_ssize_t IT_SECTION, IT_FILE, IT_WHERE, IT_VALUES, IT_PLACES, IT_OK;
static Py_ssize_t POS_FILE, POS_LINE, POS_COLUMN, PERIOD_START, PERIOD_END;
static PyObject *SLUG_MATCH; /* schema.SLUG_PATTERN's compiled match */
static Py_ssize_t SLUG_MAX;

#define SLOT(obj, offset) (*(PyObject **)((char *)(obj) + (offset)))

/* the field kinds this path takes; the others always go to the general checks */
enum { TEXT = 1, SLUG, ENUM, VALUE, INT, NUMBER, DATE, TEXT_LIST, SLUG_LIST, REF_OR_LIST, RECORDS, PERIOD };

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
    PyObject *match;
    Py_ssize_t slug_max;
    if (!PyArg_ParseTuple(args, "O!O!O!On", &PyType_Type, &scalar, &PyType_Type, &sequence, &PyType_Type, &span,
                          &match, &slug_max))
        return NULL;
    if (slot_offset(scalar, "value", &SC_VALUE) || slot_offset(scalar, "line", &SC_LINE) ||
        slot_offset(scalar, "column", &SC_COLUMN) || slot_offset(sequence, "items", &SQ_ITEMS) ||
        slot_offset(sequence, "line", &SQ_LINE) || slot_offset(sequence, "column", &SQ_COLUMN))
        return NULL;
    Py_XSETREF(ScalarType, (PyTypeObject *)Py_NewRef(scalar));
    Py_XSETREF(SequenceType, (PyTypeObject *)Py_NewRef(sequence));
    Py_XSETREF(DateSpanType, (PyTypeObject *)Py_NewRef(span));
    Py_XSETREF(SLUG_MATCH, Py_NewRef(match));
    SLUG_MAX = slug_max;
    Py_RETURN_NONE;
}

static PyObject *setup_records(PyObject *self, PyObject *args)
{
    PyTypeObject *mapping, *item, *pos, *period, *assertion;
    PyObject *credibility;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!", &PyType_Type, &mapping, &PyType_Type, &item, &PyType_Type, &pos,
                          &PyType_Type, &period, &PyType_Type, &assertion, &PyLong_Type, &credibility))
        return NULL;
    for (int i = 0; i < N_ASSERTION; i++)
        if (slot_offset(assertion, ASSERTION_FIELDS[i], &ASSERTION_OFFSETS[i]))
            return NULL;
    if (slot_offset(mapping, "items", &MP_ITEMS) || slot_offset(mapping, "line", &MP_LINE) ||
        slot_offset(mapping, "column", &MP_COLUMN) || slot_offset(item, "section", &IT_SECTION) ||
        slot_offset(item, "file", &IT_FILE) || slot_offset(item, "where", &IT_WHERE) ||
        slot_offset(item, "values", &IT_VALUES) || slot_offset(item, "places", &IT_PLACES) ||
        slot_offset(item, "ok", &IT_OK) || slot_offset(pos, "file", &POS_FILE) ||
        slot_offset(pos, "line", &POS_LINE) || slot_offset(pos, "column", &POS_COLUMN) ||
        slot_offset(period, "start", &PERIOD_START) || slot_offset(period, "end", &PERIOD_END))
        return NULL;
    /* new_slotted fills every slot itself: there must be no others (a __dict__, more fields) */
    if (item->tp_dictoffset || pos->tp_dictoffset || period->tp_dictoffset ||
        period->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + 2 * sizeof(PyObject *)) ||
        assertion->tp_dictoffset || assertion->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + N_ASSERTION * sizeof(PyObject *)) ||
        item->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + 6 * sizeof(PyObject *)) ||
        pos->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + 3 * sizeof(PyObject *))) {
        PyErr_SetString(PyExc_TypeError, "_Item, Pos, Period and Assertion must have exactly their slots");
        return NULL;
    }
    Py_XSETREF(MappingType, (PyTypeObject *)Py_NewRef(mapping));
    Py_XSETREF(ItemType, (PyTypeObject *)Py_NewRef(item));
    Py_XSETREF(PosType, (PyTypeObject *)Py_NewRef(pos));
    Py_XSETREF(PeriodType, (PyTypeObject *)Py_NewRef(period));
    Py_XSETREF(AssertionType, (PyTypeObject *)Py_NewRef(assertion));
    Py_XSETREF(DEFAULT_CREDIBILITY, Py_NewRef(credibility));
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
    PyObject *dates; /* (type, value) -> DateSpan or the reason it is not a date */
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

/* `keep`: references are named again and again and are kept in the cache; ids once */
static PyObject *plain_slug(PyObject *node, Caches *caches, int keep)
{
    if (!Py_IS_TYPE(node, ScalarType))
        return GENERAL;
    PyObject *value = SLOT(node, SC_VALUE);
    PyObject *known = PyDict_GetItemWithError(caches->slugs, value);
    if (known != NULL)
        return Py_NewRef(known);
    if (PyErr_Occurred())
        return NULL;
    if (!PyUnicode_Check(value) || PyUnicode_GET_LENGTH(value) > SLUG_MAX)
        return GENERAL;
    PyObject *match = PyObject_CallOneArg(SLUG_MATCH, value);
    if (match == NULL)
        return NULL;
    int is_slug = match != Py_None;
    Py_DECREF(match);
    if (!is_slug)
        return GENERAL;
    if (keep && PyDict_SetItem(caches->slugs, value, value) < 0)
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
    PyObject *value = SLOT(node, SC_VALUE);
    PyObject *key = PyTuple_Pack(2, (PyObject *)Py_TYPE(value), value); /* True == 1, but a boolean is no year */
    if (key == NULL)
        return NULL;
    PyObject *span = PyDict_GetItemWithError(caches->dates, key);
    Py_DECREF(key);
    if (span != NULL)
        Py_INCREF(span);
    else if (PyErr_Occurred())
        return NULL;
    else if ((span = PyObject_CallOneArg(caches->date, value)) == NULL)
        return NULL;
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
static PyObject *plain_records(PyObject *node, PyObject *section, PyObject *layout, PyObject *file, Caches *caches);

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
            switch (kind) {
            case TEXT: value = plain_text(node); break;
            case SLUG: value = plain_slug(node, caches, keep); break;
            case ENUM: value = plain_enum(node, PyTuple_GET_ITEM(code, 3)); break;
            case VALUE: value = plain_value(node, caches); break;
            case INT:
            case NUMBER:
                value = plain_number(node, kind == NUMBER, PyTuple_GET_ITEM(code, 4), PyTuple_GET_ITEM(code, 5));
                break;
            case DATE: value = plain_date(node, caches); break;
            case TEXT_LIST: value = plain_list(node, 0, placed, caches); break;
            case SLUG_LIST: value = plain_list(node, 1, placed, caches); break;
            case REF_OR_LIST: value = plain_ref_or_list(node, placed, caches); break;
            case PERIOD: value = plain_period(node, caches); break;
            case RECORDS:
                if (file != NULL) /* only whole records (plain_record) take records */
                    value = plain_records(node, name, PyTuple_GET_ITEM(code, 3), file, caches);
                break;
            default: break;
            }
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
            PyObject *place = PyTuple_Pack(2, SLOT(node, scalar ? SC_LINE : SQ_LINE), SLOT(node, scalar ? SC_COLUMN : SQ_COLUMN));
            failed = place == NULL || PyDict_SetItem(places, name, place) < 0;
            Py_XDECREF(place);
        }
        if (failed)
            return -1;
    }
    return 0;
}

/* plain_fields(items, codes, slugs, dates, date, values, places) -> the names left
 *
 * items: a Mapping's items (name -> node); codes: name -> (kind code, placed, keep in
 * the slug cache, enum choices as a set or None, minimum, maximum) for the fields this
 * path takes. Each field taken goes into values (and its (line, column) into places
 * when placed); the names of the others come back in order. */
static PyObject *plain_fields(PyObject *self, PyObject *args)
{
    PyObject *items, *codes, *values, *places;
    Caches caches;
    if (!PyArg_ParseTuple(args, "O!O!O!O!OO!O!", &PyDict_Type, &items, &PyDict_Type, &codes, &PyDict_Type,
                          &caches.slugs, &PyDict_Type, &caches.dates, &caches.date, &PyDict_Type, &values,
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
    PyObject *values = PyDict_New(), *places = PyDict_New(), *result = NULL;
    if (values == NULL || places == NULL)
        goto done;
    int taken = take_fields(SLOT(node, MP_ITEMS), codes, file, caches, values, places, NULL);
    if (taken != 0) {
        result = taken < 0 ? NULL : GENERAL;
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(required); i++) {
        int given = PyDict_Contains(values, PyTuple_GET_ITEM(required, i));
        if (given <= 0) {
            result = given < 0 ? NULL : GENERAL;
            goto done;
        }
    }
    Py_ssize_t pos_offsets[3] = {POS_FILE, POS_LINE, POS_COLUMN};
    PyObject *pos_values[3] = {file, SLOT(node, MP_LINE), SLOT(node, MP_COLUMN)};
    PyObject *where = new_slotted(PosType, pos_offsets, pos_values, 3);
    if (where == NULL)
        goto done;
    Py_ssize_t item_offsets[6] = {IT_SECTION, IT_FILE, IT_WHERE, IT_VALUES, IT_PLACES, IT_OK};
    PyObject *item_values[6] = {section, file, where, values, places, Py_True};
    result = new_slotted(ItemType, item_offsets, item_values, 6);
    Py_DECREF(where);
done:
    Py_XDECREF(values);
    Py_XDECREF(places);
    return result;
}

/* a list of records (an `assertions` field), each wholly well-formed, as _Items */
static PyObject *plain_records(PyObject *node, PyObject *section, PyObject *layout, PyObject *file, Caches *caches)
{
    if (!Py_IS_TYPE(node, SequenceType))
        return GENERAL; /* left empty, or not a list: the general checks say which */
    PyObject *items = SLOT(node, SQ_ITEMS);
    Py_ssize_t n = PyList_GET_SIZE(items);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = plain_item(PyList_GET_ITEM(items, i), section, layout, file, caches);
        if (item == NULL || item == GENERAL) {
            Py_DECREF(out);
            return item;
        }
        PyList_SET_ITEM(out, i, item);
    }
    return out;
}

/* plain_record(node, layout, section, file, slugs, dates, date) -> an _Item, or None
 *
 * The whole of `_Validator.record` for a record that is wholly well-formed (no finding to
 * make): its fields, and those of the records it holds (a claim's assertions), all taken
 * by the quick path, and every required field given. None for any other record: the
 * general path then reads it and says what is wrong. layout: (codes, required names),
 * where a field of records has the code (RECORDS, placed, 0, its records' layout, None,
 * None). */
static PyObject *plain_record(PyObject *self, PyObject *args)
{
    PyObject *node, *layout, *section, *file;
    Caches caches;
    if (!PyArg_ParseTuple(args, "OO!UUO!O!O", &node, &PyTuple_Type, &layout, &section, &file, &PyDict_Type,
                          &caches.slugs, &PyDict_Type, &caches.dates, &caches.date))
        return NULL;
    if (ScalarType == NULL || MappingType == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "setup() and setup_records() were not called");
        return NULL;
    }
    PyObject *item = plain_item(node, section, layout, file, &caches);
    return item == GENERAL ? Py_NewRef(Py_None) : item;
}

/* values[key], or `otherwise` where it is not given (borrowed) */
static PyObject *given_or(PyObject *values, int key, PyObject *otherwise)
{
    PyObject *value = PyDict_GetItemWithError(values, KEYS[key]);
    return value != NULL ? value : otherwise; /* (a str key: no lookup error) */
}

/* One claim's assertions as model.Assertions, where nothing about them needs a finding
 * or leaves one out: each validated without error, its source and via known, its value
 * of the predicate's type (value_type: None, "number", "text" or "boolean"; for "date"
 * and "entity" the general path decides).
 * A tuple, GENERAL, or NULL with an exception. */
static PyObject *take_assertions(PyObject *claim, PyObject *raw, PyObject *sources, PyObject *period, PyObject *value_type)
{
    int number = 0, text = 0, boolean = 0;
    if (value_type != Py_None) {
        if (!PyUnicode_Check(value_type))
            return GENERAL;
        number = PyUnicode_CompareWithASCIIString(value_type, "number") == 0;
        text = PyUnicode_CompareWithASCIIString(value_type, "text") == 0;
        boolean = PyUnicode_CompareWithASCIIString(value_type, "boolean") == 0;
        if (!number && !text && !boolean)
            return GENERAL; /* dates and entities: the general path */
    }
    Py_ssize_t n = PyList_GET_SIZE(raw);
    PyObject *out = PyTuple_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(raw, i), *via = NULL, *index = NULL, *made = NULL;
        if (!Py_IS_TYPE(item, ItemType) || SLOT(item, IT_OK) != Py_True || !PyDict_CheckExact(SLOT(item, IT_VALUES)))
            goto general;
        PyObject *values = SLOT(item, IT_VALUES);
        PyObject *source = given_or(values, K_SOURCE, NULL), *stance = given_or(values, K_STANCE, NULL);
        if (source == NULL || stance == NULL)
            goto general;
        int known = PyDict_Contains(sources, source);
        if (known <= 0)
            goto general_or_error;
        PyObject *value = given_or(values, K_VALUE, Py_None);
        if (value != Py_None && ((number && !(PyFloat_Check(value) || (PyLong_Check(value) && !PyBool_Check(value)))) ||
                                 (text && !PyUnicode_Check(value)) || (boolean && !PyBool_Check(value))))
            goto general;
        PyObject *given_via = given_or(values, K_VIA, NULL);
        if (given_via == NULL) {
            via = Py_NewRef(EMPTY_TUPLE);
        } else {
            /* [(source id, line, column), ...], each known */
            if (!PyList_CheckExact(given_via) || (via = PyTuple_New(PyList_GET_SIZE(given_via))) == NULL)
                goto general_or_error;
            for (Py_ssize_t k = 0; k < PyList_GET_SIZE(given_via); k++) {
                PyObject *entry = PyList_GET_ITEM(given_via, k);
                if (!PyTuple_CheckExact(entry) || PyTuple_GET_SIZE(entry) != 3)
                    goto general;
                PyObject *ident = PyTuple_GET_ITEM(entry, 0);
                known = PyDict_Contains(sources, ident);
                if (known <= 0)
                    goto general_or_error;
                PyTuple_SET_ITEM(via, k, Py_NewRef(ident));
            }
        }
        if ((index = PyLong_FromSsize_t(i)) == NULL)
            goto error;
        PyObject *fields[N_ASSERTION] = {
            claim, index, source, stance, SLOT(item, IT_WHERE), given_or(values, K_PERIOD, period),
            given_or(values, K_DATE, Py_None), value, given_or(values, K_CREDIBILITY, DEFAULT_CREDIBILITY), via,
            given_or(values, K_QUOTE, Py_None), given_or(values, K_URL, Py_None), given_or(values, K_NOTE, Py_None),
        };
        made = new_slotted(AssertionType, ASSERTION_OFFSETS, fields, N_ASSERTION);
        Py_DECREF(index);
        Py_DECREF(via);
        if (made == NULL)
            goto error_out;
        PyTuple_SET_ITEM(out, i, made);
        continue;
    general_or_error:
        if (PyErr_Occurred())
            goto error;
    general:
        Py_XDECREF(via);
        Py_DECREF(out);
        return GENERAL;
    error:
        Py_XDECREF(via);
        Py_XDECREF(index);
    error_out:
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* plain_assertions(claim, raw, sources, period, value_type) -> a tuple of Assertions, or None
 *
 * `_Builder.claim`'s loop over a claim's validated assertions (`raw`: _Items) where it has
 * nothing to report and leaves none out; None otherwise, and the loop in validate.py runs. */
static PyObject *plain_assertions(PyObject *self, PyObject *args)
{
    PyObject *claim, *raw, *sources, *period, *value_type;
    if (!PyArg_ParseTuple(args, "UO!O!OO", &claim, &PyList_Type, &raw, &PyDict_Type, &sources, &period, &value_type))
        return NULL;
    if (AssertionType == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "setup_records() was not called");
        return NULL;
    }
    PyObject *out = take_assertions(claim, raw, sources, period, value_type);
    return out == GENERAL ? Py_NewRef(Py_None) : out;
}

static PyMethodDef methods[] = {
    {"setup", setup_types, METH_VARARGS, "setup(Scalar, Sequence, DateSpan, slug_match, slug_max)"},
    {"setup_records", setup_records, METH_VARARGS, "setup_records(Mapping, _Item, Pos, Period, Assertion, default credibility)"},
    {"plain_assertions", plain_assertions, METH_VARARGS,
     "plain_assertions(claim, raw, sources, period, value_type) -> a claim's Assertions, or None"},
    {"plain_fields", plain_fields, METH_VARARGS,
     "plain_fields(items, codes, slugs, dates, date, values, places) -> names left for the general checks"},
    {"plain_record", plain_record, METH_VARARGS,
     "plain_record(node, layout, section, file, slugs, dates, date) -> a wholly well-formed record's _Item, or None"},
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
