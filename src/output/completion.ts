// Shell completion scripts, written from the command table: commands, their options, topics and
// kinds, and prospect ids with names, which the script asks `dealer completion ids` for as you type.

export interface Completable {
  name: string;
  description: string;
  options: { flag: string; valued: boolean; description: string }[];
  /** What the first argument is: a prospect's id, one of some words, or anything. */
  first: 'id' | string[] | undefined;
}

export interface CompletionModel {
  commands: Completable[];
  /** dealer's own options: --db, --lang, --json, --help, --version. */
  globals: { flag: string; valued: boolean; description: string }[];
  /** Options whose value is a prospect's id. */
  idOptions: readonly string[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const words = (list: string[]) => list.join(' ');
/** Single-quoted for any of the three shells (none interprets anything inside '...'). */
const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const line = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The same walk in bash and zsh: which command is typed, and how many arguments it has so far. */
function bash(m: CompletionModel): string {
  const valued = m.commands.map(
    (c) => `    ${c.name}) echo ${quoted(words(c.options.filter((o) => o.valued).map((o) => o.flag)))} ;;`,
  );
  const opts = m.commands.map((c) => `    ${c.name}) echo ${quoted(words(c.options.map((o) => o.flag)))} ;;`);
  const firsts = m.commands.flatMap(({ name, first }) =>
    first === undefined
      ? []
      : first === 'id'
        ? [`    ${name}:0) COMPREPLY=($(compgen -W "$(_dealer_ids)" -- "$cur")) ;;`]
        : [`    ${name}:0) COMPREPLY=($(compgen -W ${quoted(words(first))} -- "$cur")) ;;`],
  );
  const globals = m.globals.filter((g) => g.valued).map((g) => g.flag);
  return `# dealer completion for bash: add \`source <(dealer completion bash)\` to ~/.bashrc
_dealer_ids() {
  local db=() i
  for ((i = 1; i < \${#COMP_WORDS[@]}; i++)); do
    [[ \${COMP_WORDS[i]} == --db ]] && db=(--db "\${COMP_WORDS[i + 1]}")
  done
  "\${COMP_WORDS[0]}" "\${db[@]}" completion ids 2>/dev/null | cut -f1
}
_dealer_valued() {
  case $1 in
${valued.join('\n')}
  esac
}
_dealer_options() {
  case $1 in
${opts.join('\n')}
  esac
}
_dealer() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD - 1]} cmd= n=0 i w
  local commands=${quoted(words(m.commands.map((c) => c.name).concat('help')))}
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    case " $(_dealer_valued "$cmd") ${words(globals)} " in *" $w "*) ((i++)); continue ;; esac
    [[ $w == -* ]] && continue
    if [[ -z $cmd ]]; then cmd=$w; else ((n++)); fi
  done
  case $prev in
    ${m.idOptions.join('|')}) COMPREPLY=($(compgen -W "$(_dealer_ids)" -- "$cur")); return ;;
    ${globals.join('|')}) return ;;
  esac
  case " $(_dealer_valued "$cmd") " in *" $prev "*) return ;; esac
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "$commands ${words(m.globals.map((g) => g.flag))}" -- "$cur"))
  elif [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_dealer_options "$cmd") --help" -- "$cur"))
  else
    case $cmd:$n in
${firsts.join('\n')}
    help:0) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
    esac
  fi
}
complete -F _dealer dealer
`;
}

function zsh(m: CompletionModel): string {
  const described = (list: { flag: string; description: string }[]) =>
    list.map((o) => quoted(`${o.flag.replace(/:/g, '\\:')}:${line(o.description)}`)).join(' ');
  const valued = m.commands.map(
    (c) => `    ${c.name}) valued=(${words(c.options.filter((o) => o.valued).map((o) => o.flag))}) ;;`,
  );
  const opts = m.commands.map((c) => `    ${c.name}) opts=(${described(c.options)}) ;;`);
  const firsts = m.commands.flatMap(({ name, first }) =>
    first === undefined
      ? []
      : first === 'id'
        ? [`    ${name}:0) _dealer_ids ;;`]
        : [`    ${name}:0) compadd -- ${words(first.map(quoted))} ;;`],
  );
  const globals = m.globals.filter((g) => g.valued).map((g) => g.flag);
  return `#compdef dealer
# dealer completion for zsh: save as _dealer in a folder of $fpath, or \`source <(dealer completion zsh)\`
_dealer_ids() {
  local -a ids db
  local i
  for ((i = 2; i <= $#words; i++)); do [[ \${words[i]} == --db ]] && db=(--db "\${words[i + 1]}"); done
  ids=(\${(f)"$(\${words[1]} "\${db[@]}" completion ids 2>/dev/null | sed -e 's/:/\\\\:/g' -e 's/\t/:/')"})
  _describe -t prospects prospect ids
}
_dealer() {
  local -a commands opts valued
  local cmd= n=0 i w
  commands=(${m.commands.map((c) => quoted(`${c.name}:${line(c.description)}`)).join(' ')})
  for ((i = 2; i < CURRENT; i++)); do
    w=\${words[i]}
    valued=(${words(globals)})
    case $cmd in
${valued.join('\n')}
    esac
    valued+=(${words(globals)})
    if (( \${valued[(Ie)$w]} )); then ((i++)); continue; fi
    [[ $w == -* ]] && continue
    if [[ -z $cmd ]]; then cmd=$w; else ((n++)); fi
  done
  case \${words[CURRENT - 1]} in
    ${m.idOptions.join('|')}) _dealer_ids; return ;;
  esac
  if [[ -z $cmd ]]; then
    opts=(${described(m.globals)})
    _describe -t commands command commands
    _describe -t options option opts
  elif [[ \${words[CURRENT]} == -* ]]; then
    case $cmd in
${opts.join('\n')}
    esac
    _describe -t options option opts
  else
    case $cmd:$n in
${firsts.join('\n')}
    help:0) _describe -t commands command commands ;;
    esac
  fi
}
if [[ $funcstack[1] == _dealer ]]; then _dealer "$@"; else compdef _dealer dealer; fi
`;
}

function fish(m: CompletionModel): string {
  const names = words(m.commands.map((c) => c.name));
  const out = [
    '# dealer completion for fish: dealer completion fish > ~/.config/fish/completions/dealer.fish',
    'function __dealer_ids',
    '    set -l args (commandline -opc)',
    '    set -l db',
    '    if set -l i (contains -i -- --db $args)',
    '        set db --db $args[(math $i + 1)]',
    '    end',
    '    dealer $db completion ids 2>/dev/null',
    'end',
    'complete -c dealer -f',
    ...m.globals.map(
      (g) =>
        `complete -c dealer -n __fish_use_subcommand -l ${g.flag.replace(/^--/, '')}${g.valued ? ' -r' : ''} -d ${quoted(line(g.description))}`,
    ),
  ];
  for (const c of m.commands) {
    out.push(
      `complete -c dealer -n "not __fish_seen_subcommand_from ${names}" -a ${c.name} -d ${quoted(line(c.description))}`,
    );
    const when = `-n "__fish_seen_subcommand_from ${c.name}"`;
    for (const o of c.options) {
      const ids = m.idOptions.includes(o.flag) ? " -a '(__dealer_ids)'" : '';
      out.push(
        `complete -c dealer ${when} -l ${o.flag.replace(/^--/, '')}${o.valued ? ' -r' : ''}${ids} -d ${quoted(line(o.description))}`,
      );
    }
    if (c.first === 'id') out.push(`complete -c dealer ${when} -a '(__dealer_ids)'`);
    else if (c.first) out.push(`complete -c dealer ${when} -a ${quoted(words(c.first))}`);
  }
  out.push(`complete -c dealer -n "__fish_seen_subcommand_from help" -a ${quoted(names)}`);
  return `${out.join('\n')}\n`;
}

export function completionScript(shell: Shell, model: CompletionModel): string {
  return { bash, zsh, fish }[shell](model);
}

/** `dealer completion ids`: one prospect a line, id and name apart by a tab, nothing to break a line. */
export const idLines = (rows: { id: number; name: string }[]) =>
  rows.map((r) => `${r.id}\t${line(r.name.replace(/[\p{Cc}\p{Cf}]/gu, ' '))}\n`).join('');
