/* Validation's quick path for well-formed fields, in C.
 *
 * validate.py is the reference: `_Validator.plain_fields` takes each field of a record
 * whose value is plainly well-formed (text that is text, a slug that is a slug, a known
 * enum word, a number within bounds, a date, lists of those) and leaves every other
 * field, by name and in order, to the general checks, which report what is wrong. This
 * does the same, field for field, with the same caches; tests/test_validate_fast.py
 * compares the two on generated and mutated corpora.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <structmember.h>

static PyTypeObject *ScalarType, *SequenceType, *DateSpanType;
static Py_ssize_t SC_VALUE, SC_LINE, SC_COLUMN, SQ_ITEMS, SQ_LINE, SQ_COLUMN;
static PyObject *SLUG_MATCH; /* schema.SLUG_PATTERN's compiled match */
static Py_ssize_t SLUG_MAX;

#define SLOT(obj, offset) (*(PyObject **)((char *)(obj) + (offset)))

/* the field kinds this path takes; the others always go to the general checks */
enum { TEXT = 1, SLUG, ENUM, VALUE, INT, NUMBER, DATE, TEXT_LIST, SLUG_LIST, REF_OR_LIST };

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
            case SLUG: value = plain_slug(node, &caches, keep); break;
            case ENUM: value = plain_enum(node, PyTuple_GET_ITEM(code, 3)); break;
            case VALUE: value = plain_value(node, &caches); break;
            case INT:
            case NUMBER:
                value = plain_number(node, kind == NUMBER, PyTuple_GET_ITEM(code, 4), PyTuple_GET_ITEM(code, 5));
                break;
            case DATE: value = plain_date(node, &caches); break;
            case TEXT_LIST: value = plain_list(node, 0, placed, &caches); break;
            case SLUG_LIST: value = plain_list(node, 1, placed, &caches); break;
            case REF_OR_LIST: value = plain_ref_or_list(node, placed, &caches); break;
            default: break;
            }
        } else if (code == NULL && PyErr_Occurred()) {
            value = NULL;
        }
        if (value == NULL) {
            Py_DECREF(left);
            return NULL;
        }
        if (value == GENERAL) {
            if (PyList_Append(left, name) < 0) {
                Py_DECREF(left);
                return NULL;
            }
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
        if (failed) {
            Py_DECREF(left);
            return NULL;
        }
    }
    return left;
}

static PyMethodDef methods[] = {
    {"setup", setup_types, METH_VARARGS, "setup(Scalar, Sequence, DateSpan, slug_match, slug_max)"},
    {"plain_fields", plain_fields, METH_VARARGS,
     "plain_fields(items, codes, slugs, dates, date, values, places) -> names left for the general checks"},
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
