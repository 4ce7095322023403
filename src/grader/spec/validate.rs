//! Reading a spec from YAML and validating what serde cannot: the version, unique names, regexes
//! and expressions that compile, and variables an expression may read (with file:line).
use super::*;

impl ExerciseSpec {
    /// Parses and validates a spec. `file` is the name errors use.
    pub fn parse(file: &str, text: &str) -> Result<ExerciseSpec, Problem> {
        let spec: ExerciseSpec = serde_yaml::from_str(text).map_err(|err| yaml_problem(file, text, &err))?;
        spec.validate(file, text)?;
        Ok(spec)
    }

    /// Checks what serde cannot: the version, unique names, regexes and expressions that compile.
    fn validate(&self, file: &str, text: &str) -> Result<(), Problem> {
        let problem = |key: &str, message: String| Problem {
            file: file.to_string(),
            line: find_key_line(text, key),
            message,
        };
        if self.version != SPEC_VERSION {
            return Err(problem(
                "version",
                format!(
                    "version: this atelier reads spec version {SPEC_VERSION}, found {}",
                    self.version
                ),
            ));
        }
        if self.checks.is_empty() {
            return Err(problem("checks", "checks: at least one check is needed".into()));
        }
        if !self.run.contains("{file}") {
            return Err(problem("run", "run: the command must contain {file}".into()));
        }
        // The name is used inside the run's folder: a plain file name, nothing that climbs out.
        if self.file.is_empty() || self.file.contains(['/', '\\']) || self.file.starts_with('.') {
            return Err(problem(
                "file",
                format!(
                    "file: `{}` must be a plain file name such as `premiers.py`",
                    self.file
                ),
            ));
        }
        let limits = &self.limits;
        for (key, value) in [("wall_s", limits.wall_s), ("cpu_s", limits.cpu_s)] {
            if !(value.is_finite() && value > 0.0 && value <= 3600.0) {
                return Err(problem(
                    key,
                    format!("limits: {key}: {value} is not a number of seconds in 0..3600"),
                ));
            }
        }
        for (key, value, max) in [
            ("memory_mb", limits.memory_mb, MAX_MEMORY_MB),
            ("processes", u64::from(limits.processes), u64::from(MAX_PROCESSES)),
            ("output_bytes", limits.output_bytes, MAX_OUTPUT_BYTES),
        ] {
            if value == 0 || value > max {
                return Err(problem(
                    key,
                    format!("limits: {key}: {value} is not in 1..={max}"),
                ));
            }
        }
        if !(0.0..=1.0).contains(&self.busy_share) {
            return Err(problem(
                "busy_share",
                "busy_share: a share between 0 and 1".into(),
            ));
        }
        let mut names = std::collections::BTreeSet::new();
        // The variables an expression may read so far: the run's figures, then the captures of
        // the `regex` checks above (a capture is set when its check runs, so a later one is
        // unknown here).
        let mut known: std::collections::BTreeSet<String> =
            RUN_VARIABLES.iter().map(|v| v.to_string()).collect();
        for check in &self.checks {
            let at = |key: &str, message: String| Problem {
                file: file.to_string(),
                line: find_check_line(text, &check.name, key),
                message: format!("check `{}`: {key}: {message}", check.name),
            };
            if !names.insert(check.name.as_str()) {
                return Err(at("name", "this name is used by another check".into()));
            }
            let when = check.when.iter().map(|w| ("when", w.as_str()));
            for (key, expr) in when.chain(check.kind.expressions()) {
                compile_expr(expr, &known).map_err(|e| at(key, e))?;
            }
            if let CheckKind::Number { var, .. } = &check.kind
                && !known.contains(var)
            {
                return Err(at("var", unknown_variable(var, &known)));
            }
            for (key, pattern) in check.kind.regexes() {
                let re =
                    regex::Regex::new(pattern).map_err(|e| at(key, format!("not a valid regex: {e}")))?;
                if let CheckKind::Regex { .. } = &check.kind {
                    known.extend(re.capture_names().flatten().map(str::to_string));
                }
            }
            if let CheckKind::Regex { patterns, .. } = &check.kind
                && patterns.is_empty()
            {
                return Err(at("patterns", "at least one pattern is needed".into()));
            }
            let fractions = match &check.kind {
                CheckKind::Streaming { first_before, .. } => vec![("first_before", *first_before)],
                CheckKind::BusyProcesses {
                    share: Some(share), ..
                } => vec![("share", *share)],
                CheckKind::Number { tolerance, .. } if *tolerance < 0.0 || !tolerance.is_finite() => {
                    return Err(at("tolerance", "a tolerance is a number ≥ 0".into()));
                }
                _ => Vec::new(),
            };
            for (key, value) in fractions {
                if !(0.0..=1.0).contains(&value) {
                    return Err(at(key, format!("{value} is not a fraction between 0 and 1")));
                }
            }
            crate::grader::checks::call::validate(&check.kind, self).map_err(|(key, m)| at(key, m))?;
            if matches!(check.kind, CheckKind::Call(_)) && check.case.is_some() {
                return Err(at(
                    "case",
                    "a call check runs in its own run (the harness's), not in a case".into(),
                ));
            }
        }
        crate::grader::cases::validate(self).map_err(|(key, message)| Problem {
            file: file.to_string(),
            line: find_key_line(text, key),
            message,
        })?;
        Ok(())
    }
}

impl CheckKind {
    /// The regexes of the check, with their key (for validation).
    fn regexes(&self) -> Vec<(&'static str, &str)> {
        match self {
            CheckKind::Regex { patterns, .. } => patterns.iter().map(|p| ("patterns", p.as_str())).collect(),
            CheckKind::LinesAnyOrder {
                expected,
                line_match: LineMatch::Regex,
                ..
            } => expected.iter().map(|p| ("expected", p.as_str())).collect(),
            CheckKind::LineCount { matching, key, .. } => matching
                .iter()
                .map(|m| ("matching", m.as_str()))
                .chain(key.iter().map(|k| ("key", k.as_str())))
                .collect(),
            CheckKind::Streaming { matching, .. } => vec![("matching", matching.as_str())],
            CheckKind::Source { contains, lacks } => contains
                .iter()
                .map(|p| ("contains", p.as_str()))
                .chain(lacks.iter().map(|p| ("lacks", p.as_str())))
                .collect(),
            CheckKind::SameAsReference { filter, extract, .. } => filter
                .iter()
                .map(|p| ("filter", p.as_str()))
                .chain(extract.iter().map(|p| ("extract", p.as_str())))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The expressions of the check, with their key.
    pub fn expressions(&self) -> Vec<(&'static str, &str)> {
        match self {
            CheckKind::Expression { expr } => vec![("expr", expr.as_str())],
            CheckKind::Processes { max: Some(max), .. } => vec![("max", max.as_str())],
            CheckKind::WallTime { min, max } => min
                .iter()
                .map(|e| ("min", e.as_str()))
                .chain(max.iter().map(|e| ("max", e.as_str())))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Compiles an expression and checks that every variable it reads is `known`.
fn compile_expr(expr: &str, known: &std::collections::BTreeSet<String>) -> Result<(), String> {
    let tree = evalexpr::build_operator_tree::<evalexpr::DefaultNumericTypes>(expr)
        .map_err(|e| format!("not a valid expression: {e}"))?;
    match tree
        .iter_read_variable_identifiers()
        .find(|v| !known.contains(*v))
    {
        Some(unknown) => Err(unknown_variable(unknown, known)),
        None => Ok(()),
    }
}

fn unknown_variable(name: &str, known: &std::collections::BTreeSet<String>) -> String {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    format!(
        "unknown variable `{name}` (known here: {}; a capture must come from a `regex` check above)",
        known.join(", ")
    )
}
