/* version.h: nccert's version string (also written into every certificate's method.producer). */
#ifndef NC_VERSION_H
#define NC_VERSION_H
#define NCCERT_VERSION "0.1.0"
#endif
