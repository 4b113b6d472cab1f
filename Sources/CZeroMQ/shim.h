// libzmq's C interface (Debian's libzmq3-dev), for the Jupyter kernel's sockets.
#include <zmq.h>

// zmq_errno's message as a C string Swift can read without touching errno itself.
static inline const char *trainbook_zmq_error(void) { return zmq_strerror(zmq_errno()); }
