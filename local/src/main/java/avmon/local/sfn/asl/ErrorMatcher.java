package avmon.local.sfn.asl;

import java.util.List;

/** An ErrorEquals list, with AWS's wildcards States.ALL and States.TaskFailed. */
record ErrorMatcher(List<String> errorEquals) {

    boolean matches(String errorName) {
        String error = errorName == null ? "" : errorName;
        for (String e : errorEquals) {
            if (e.equals(error) || e.equals("States.ALL")
                    || (e.equals(StateError.TASK_FAILED) && !error.equals(StateError.TIMEOUT))) {
                return true;
            }
        }
        return false;
    }
}
