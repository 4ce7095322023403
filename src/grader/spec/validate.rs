//! Reading a spec from YAML and validating what serde cannot: the version, unique names, regexes
//! and expressions that compile, and variables an expression may read (with file:line).
use super::*;
use crate::i18n::Message;
use crate::msg;

impl ExerciseSpec {
    /// Parses and validates a spec. `file` is the name errors use.
    pub fn parse(file: &str, text: &str) -> Result<ExerciseSpec, Problem> {
        let spec: ExerciseSpec = serde_yaml::from_str(text).map_err(|err| yaml_problem(file, text, &err))?;
        spec.validate(file, text)?;
        Ok(spec)
    }

    /// Checks what serde cannot: the version, unique names, regexes and expressions that compile.
    fn validate(&self, file: &str, text: &str) -> Result<(), Problem> {
        let problem = |key: &str, message: Message| Problem::new(file, find_key_line(text, key), message);
        if self.version != SPEC_VERSION {
            return Err(problem(
                "version",
                msg!("spec-version", expected = SPEC_VERSION, found = self.version),
            ));
        }
        if self.checks.is_empty() {
            return Err(problem("checks", msg!("spec-checks-empty")));
        }
        if !self.run.contains("{file}") {
            return Err(problem("run", msg!("spec-run-no-file")));
        }
        // The name is used inside the run's folder: a plain file name, nothing that climbs out.
        if self.file.is_empty() || self.file.contains(['/', '\\']) || self.file.starts_with('.') {
            return Err(problem("file", msg!("spec-file-name", file = &self.file)));
        }
        let limits = &self.limits;
        for (key, value) in [("wall_s", limits.wall_s), ("cpu_s", limits.cpu_s)] {
            if !(value.is_finite() && value > 0.0 && value <= 3600.0) {
                return Err(problem(
                    key,
                    msg!("spec-limit-seconds", key = key, value = value.to_string()),
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
                    msg!("spec-limit-range", key = key, value = value, max = max),
                ));
            }
        }
        if !(0.0..=1.0).contains(&self.busy_share) {
            return Err(problem("busy_share", msg!("spec-busy-share")));
        }
        let mut names = std::collections::BTreeSet::new();
        // The variables an expression may read so far: the run's figures, then the captures of
        // the `regex` checks above (a capture is set when its check runs, so a later one is
        // unknown here).
        let mut known: std::collections::BTreeSet<String> =
            RUN_VARIABLES.iter().map(|v| v.to_string()).collect();
        for check in &self.checks {
            let at = |key: &str, message: Message| {
                Problem::new(
                    file,
                    find_check_line(text, &check.name, key),
                    msg!(
                        "spec-in-check",
                        name = &check.name,
                        key = key.to_string(),
                        problem = message
                    ),
                )
            };
            if !names.insert(check.name.as_str()) {
                return Err(at("name", msg!("spec-check-name-taken")));
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
                let re = crate::grader::checks::pattern::compiled(pattern)
                    .map_err(|e| at(key, msg!("spec-regex-invalid", error = e.to_string())))?;
                if let CheckKind::Regex { .. } = &check.kind {
                    known.extend(re.capture_names().flatten().map(str::to_string));
                }
            }
            if let CheckKind::Regex { patterns, .. } = &check.kind
                && patterns.is_empty()
            {
                return Err(at("patterns", msg!("spec-patterns-empty")));
            }
            let fractions = match &check.kind {
                CheckKind::Streaming { first_before, .. } => vec![("first_before", *first_before)],
                CheckKind::BusyProcesses {
                    share: Some(share), ..
                } => vec![("share", *share)],
                CheckKind::Number { tolerance, .. } if *tolerance < 0.0 || !tolerance.is_finite() => {
                    return Err(at("tolerance", msg!("spec-tolerance-negative")));
                }
                _ => Vec::new(),
            };
            for (key, value) in fractions {
                if !(0.0..=1.0).contains(&value) {
                    return Err(at(key, msg!("spec-not-fraction", value = value.to_string())));
                }
            }
            // The call checks word their own problems (see src/grader/checks).
            crate::grader::checks::call::validate(&check.kind, self)
                .map_err(|(key, m)| at(key, msg!("spec-detail", detail = m)))?;
            if matches!(check.kind, CheckKind::Call(_)) && check.case.is_some() {
                return Err(at("case", msg!("spec-call-in-case")));
            }
        }
        // The cases word their own problems (see src/grader/cases).
        crate::grader::cases::validate(self).map_err(|(key, message)| {
            Problem::new(
                file,
                find_key_line(text, key),
                msg!("spec-detail", detail = message),
            )
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
fn compile_expr(expr: &str, known: &std::collections::BTreeSet<String>) -> Result<(), Message> {
    let tree = evalexpr::build_operator_tree::<evalexpr::DefaultNumericTypes>(expr)
        .map_err(|e| msg!("spec-expression-invalid", error = e.to_string()))?;
    match tree
        .iter_read_variable_identifiers()
        .find(|v| !known.contains(*v))
    {
        Some(unknown) => Err(unknown_variable(unknown, known)),
        None => Ok(()),
    }
}

fn unknown_variable(name: &str, known: &std::collections::BTreeSet<String>) -> Message {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    msg!("spec-variable-unknown", name = name, known = known.join(", "))
}
