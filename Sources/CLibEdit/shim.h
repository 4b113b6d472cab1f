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

// What completion needs to see: the whole line typed so far and the cursor's byte offset in it.
static inline const char *trainbook_line_buffer(void) { return rl_line_buffer; }
static inline int trainbook_point(void) { return rl_point; }
// The character added after a lone completion (0 for none, e.g. after a folder's `/`).
static inline void trainbook_set_completion_append_character(int character) {
  rl_completion_append_character = character;
}
// The characters that end the word libedit hands to the completion function.
static inline void trainbook_set_word_break_characters(const char *characters) {
  rl_basic_word_break_characters = characters;
}
