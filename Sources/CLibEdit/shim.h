// libedit's readline interface, with accessors for the C globals Swift 6 will not touch directly.
#include <stdio.h>
#include <editline/readline.h>

static inline void trainbook_set_completion(rl_completion_func_t *function) {
  rl_attempted_completion_function = function;
}
static inline void trainbook_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void trainbook_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void trainbook_set_catch_signals(int catch_signals) { rl_catch_signals = catch_signals; }
static inline int trainbook_history_length(void) { return history_length; }
static inline int trainbook_history_base(void) { return history_base; }
static inline FILE *trainbook_stderr(void) { return stderr; }
