/* cert_source.c: the "source" object of a certificate (specs/certificate.md). */
#include "cert/cert.h"

json_t *cert_source(const char *paper, const char *const *seed_files, const char *label, const char *statement)
{
    json_t *s = json_object(), *files = json_array();
    json_object_set_new(s, "paper", json_string(paper));
    for (const char *const *f = seed_files; *f != NULL; f++) json_array_append_new(files, json_string(*f));
    json_object_set_new(s, "seed_files", files);
    json_object_set_new(s, "label", json_string(label));
    json_object_set_new(s, "statement", json_string(statement));
    return s;
}
