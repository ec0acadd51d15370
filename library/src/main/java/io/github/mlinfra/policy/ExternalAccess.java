package io.github.mlinfra.policy;

import io.github.mlinfra.aws.IamWildcardPatterns;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Who outside the stack's account can do what under a resource policy (a bucket, key, endpoint,
 * topic, queue or repository policy, or a role's trust policy), read the way IAM Access Analyzer
 * reads it: a statement grants <em>public</em> access when any principal can use it with no
 * condition that a caller cannot influence, and <em>external</em> access when principals of another
 * account (or organization, or anyone from an IP range) can.
 *
 * <p>What it reads, with the AWS pages that define it (looked up 2026-11-30):
 * <ul>
 *   <li>{@code Principal: "*"}, {@code {"AWS": "*"}} and an account position of {@code *} in a
 *       principal ARN are anyone; an {@code Allow} with {@code NotPrincipal} grants everyone not
 *       listed, so it is anyone too. Account ids are read from 12-digit ids and from IAM/STS ARNs;
 *       {@code Service} principals are AWS services (the confused-deputy rule judges them);
 *       {@code Federated} and {@code CanonicalUser} principals are external.</li>
 *   <li>Conditions count only when a caller cannot influence them ("IAM Access Analyzer considers
 *       only certain IAM condition keys that external users cannot directly influence",
 *       https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-concepts.html) and only
 *       with fixed values: no {@code *}, {@code ?} or policy variable (AWS Config
 *       kms-key-policy-no-public-access, "to be considered non-public, a KMS key policy must grant
 *       access only to fixed values",
 *       https://docs.aws.amazon.com/config/latest/developerguide/kms-key-policy-no-public-access.html;
 *       S3 "The meaning of public",
 *       https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
 *       The keys: {@code aws:PrincipalAccount}, {@code aws:SourceAccount}, {@code aws:SourceOwner},
 *       {@code kms:CallerAccount} (with or without {@code kms:ViaService}, which alone restricts
 *       nothing: any account can call through the service), {@code aws:PrincipalArn},
 *       {@code aws:SourceArn}, {@code aws:PrincipalOrgID}, {@code aws:PrincipalOrgPaths},
 *       {@code aws:SourceVpce}, {@code aws:SourceVpc} and {@code aws:SourceIp}. Operators must be
 *       positive ({@code StringEquals}, {@code StringLike}, {@code ArnEquals}, {@code ArnLike},
 *       {@code IpAddress}); an {@code ...IfExists} or {@code ForAllValues:} operator passes when the
 *       key is absent, and a negated operator admits everyone else, so neither restricts. Every
 *       other key ({@code aws:SecureTransport}, {@code aws:UserAgent}, {@code aws:Referer},
 *       {@code s3:prefix}, ...) restricts nothing.</li>
 *   <li>A {@code Deny} to everyone whose conditions are negated restricting keys (the common
 *       {@code StringNotEquals aws:PrincipalOrgID} or {@code aws:SourceVpce} guard), or a
 *       {@code Deny} with {@code NotPrincipal}, restricts the {@code Allow} statements whose
 *       actions it covers, as the positive condition would. {@code NotAction} in an {@code Allow}
 *       grants every action but the listed ones.</li>
 *   <li>A VPC, an endpoint or a source ARN without an account (an S3 bucket) is taken as the
 *       stack's own network or resource; an account or organization not among the stack's account
 *       and the trusted ids is external, as Access Analyzer's zone of trust treats it
 *       (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html).</li>
 * </ul>
 * A value the evaluator cannot read ({@code "[unknown]"}, {@code "[secret]"}, a principal id that
 * names no account) is returned in {@link Result#getUndecided()}, never taken as safe.
 */
public final class ExternalAccess {
    private static final Set<String> ACCOUNT_KEYS =
            Set.of("aws:principalaccount", "aws:sourceaccount", "aws:sourceowner", "kms:calleraccount");
    private static final Set<String> ARN_KEYS = Set.of("aws:principalarn", "aws:sourcearn");
    private static final Set<String> ORG_KEYS = Set.of("aws:principalorgid", "aws:principalorgpaths");
    private static final Set<String> NETWORK_KEYS = Set.of("aws:sourcevpce", "aws:sourcevpc");
    private static final String IP_KEY = "aws:sourceip";
    /**
     * {@code Bool aws:PrincipalIsAWSService "true"}: only AWS service principals (a service acting with
     * its own service principal, never an IAM user or role of any account) match
     * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice">aws:PrincipalIsAWSService</a>,
     * looked up 2026-11-30). AWS's data-perimeter endpoint policies allow AWS service principals this way.
     */
    private static final String SERVICE_KEY = "aws:principalisawsservice";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ARN = Pattern.compile("arn:[^:]*:[^:]*:[^:]*:([^:]*):.*");
    private static final Set<String> OPAQUE = Set.of("[unknown]", "[secret]");

    private ExternalAccess() {}

    /** What a grant reaches. */
    public enum Scope {
        /** Any principal, of any account, without a restricting condition (Access Analyzer isPublic). */
        PUBLIC,
        /** Principals of accounts (or an organization, or IP ranges) outside the stack's account and the trusted ids. */
        EXTERNAL
    }

    /** One statement's grant to principals outside the zone of trust. */
    @Value.Immutable
    @MlInfraStyle
    public abstract static class Grant {
        /**
         * Public or external.
         *
         * @return the scope
         */
        public abstract Scope getScope();

        /**
         * The statement's Sid, or its position ({@code #2}) when it has none.
         *
         * @return the statement
         */
        public abstract String getStatement();

        /**
         * Who is granted, e.g. {@code "anyone"}, {@code "account 444455556666"},
         * {@code "organization o-exampleorgid"}.
         *
         * @return the principals
         */
        public abstract String getWho();

        /**
         * What is granted: the actions, or {@code "every action except [..]"} for NotAction.
         *
         * @return the actions
         */
        public abstract String getWhat();

        /**
         * One line: {@code statement X allows <what> to <who>}.
         *
         * @return the description
         */
        public String describe() {
            return "statement " + getStatement() + " allows " + getWhat() + " to " + getWho();
        }
    }

    /** The evaluator's answer for one policy. */
    @Value.Immutable
    @MlInfraStyle
    public abstract static class Result {
        /**
         * The grants outside the zone of trust.
         *
         * @return the grants
         */
        public abstract List<Grant> getGrants();

        /**
         * What could not be read, one reason each; a statement with an undecided part grants
         * nothing in {@link #getGrants()} and is reported here instead.
         *
         * @return the reasons
         */
        public abstract List<String> getUndecided();

        /**
         * The grants of one scope.
         *
         * @param scope public or external
         * @return the grants
         */
        public List<Grant> of(Scope scope) {
            return getGrants().stream().filter(g -> g.getScope() == scope).collect(java.util.stream.Collectors.toList());
        }
    }

    /**
     * Analyses a resource policy.
     *
     * @param policy the policy
     * @param ownAccount the stack's (resource owner's) account id; empty when unknown, which leaves
     *                   every grant to a named account undecided
     * @param trusted account ids and organization ids ({@code o-...}) trusted besides the stack's
     *                account
     * @return the grants outside the zone of trust and what could not be decided
     */
    public static Result analyze(PolicyDocument policy, Optional<String> ownAccount, Set<String> trusted) {
        Set<String> zone = new LinkedHashSet<>(trusted);
        ownAccount.ifPresent(zone::add);
        List<Statement> statements = policy.getStatements();
        List<Guard> guards = new ArrayList<>();
        for (Statement s : statements) {
            if (s.getEffect() == Effect.Deny) {
                guard(s).ifPresent(guards::add);
            }
        }
        ImmutableResult.Builder out = ImmutableResult.builder();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s.getEffect() != Effect.Allow) {
                continue;
            }
            String name = s.getSid().filter(x -> !x.isBlank()).orElse("#" + (i + 1));
            List<String> undecided = new ArrayList<>();
            Callers callers = principals(s, ownAccount, undecided);
            List<Restriction> restrictions = new ArrayList<>();
            for (Condition c : s.getConditions()) {
                restriction(c, undecided).ifPresent(restrictions::add);
            }
            for (Guard g : guards) {
                if (g.covers(s)) {
                    restrictions.add(g.restriction);
                }
            }
            if (!undecided.isEmpty()) {
                undecided.forEach(u -> out.addUndecided("statement " + name + ": " + u));
                continue;
            }
            judge(s, name, callers, restrictions, zone, ownAccount, out);
        }
        return out.build();
    }

    private static void judge(Statement s, String name, Callers callers, List<Restriction> restrictions, Set<String> zone,
                              Optional<String> own, ImmutableResult.Builder out) {
        if (callers.isEmpty()) {
            return;
        }
        Set<String> accounts = null;
        Set<String> orgs = null;
        List<String> cidrs = null;
        for (Restriction r : restrictions) {
            switch (r.kind) {
                case NOBODY:
                case NETWORK:
                case OWN_RESOURCE:
                case AWS_SERVICE:
                    return;
                case ACCOUNTS:
                    accounts = accounts == null ? new LinkedHashSet<>(r.values) : intersect(accounts, r.values);
                    break;
                case ORGS:
                    orgs = orgs == null ? new LinkedHashSet<>(r.values) : intersect(orgs, r.values);
                    break;
                default:
                    cidrs = r.values;
            }
        }
        if (accounts != null && zone.containsAll(accounts) || orgs != null && zone.containsAll(orgs)) {
            return;
        }
        String what = s.getNotActions().isEmpty() ? String.valueOf(s.getActions())
                : "every action except " + s.getNotActions();
        List<String> who = new ArrayList<>();
        Scope scope = Scope.EXTERNAL;
        if (callers.anyone) {
            if (accounts != null) {
                accounts.removeAll(zone);
                who.add("principals of account(s) " + accounts);
            } else if (orgs != null) {
                orgs.removeAll(zone);
                who.add("principals of organization(s) " + orgs);
            } else if (cidrs != null) {
                who.add("anyone from aws:SourceIp " + cidrs);
            } else {
                scope = Scope.PUBLIC;
                who.add("anyone (Principal \"*\"" + (s.getConditions().isEmpty() ? "" : ", no condition that restricts the caller")
                        + ")");
            }
        } else {
            Set<String> ext = new LinkedHashSet<>(callers.accounts);
            ext.removeAll(zone);
            if (accounts != null) {
                ext.retainAll(accounts);
            }
            if (!ext.isEmpty()) {
                who.add("account(s) " + ext);
            }
            who.addAll(callers.others);
        }
        if (!who.isEmpty()) {
            out.addGrants(ImmutableGrant.builder().scope(scope).statement(name).who(String.join(" and ", who)).what(what).build());
        }
    }

    private static Set<String> intersect(Set<String> a, List<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }

    /** The principals an Allow statement names. */
    private static final class Callers {
        boolean anyone;
        final Set<String> accounts = new LinkedHashSet<>();
        final List<String> others = new ArrayList<>();

        boolean isEmpty() {
            return !anyone && accounts.isEmpty() && others.isEmpty();
        }
    }

    private static Callers principals(Statement s, Optional<String> own, List<String> undecided) {
        Callers c = new Callers();
        if (s.getNotPrincipal().isPresent()) {
            c.anyone = true;
            return c;
        }
        if (s.getPrincipal().isEmpty()) {
            return c;
        }
        Principal p = s.getPrincipal().get();
        if (p.isAnyone()) {
            c.anyone = true;
            return c;
        }
        for (Map.Entry<String, List<String>> e : p.getIdentifiers().entrySet()) {
            for (String id : e.getValue()) {
                if (OPAQUE.contains(id)) {
                    undecided.add("principal " + e.getKey() + " is " + id);
                    continue;
                }
                switch (e.getKey()) {
                    case "AWS": {
                        if (id.equals("*")) {
                            c.anyone = true;
                            continue;
                        }
                        Optional<String> account = account(id);
                        if (account.isEmpty()) {
                            undecided.add("principal AWS " + id + " names no account");
                        } else if (account.get().equals("*")) {
                            c.anyone = true;
                        } else if (own.isEmpty()) {
                            undecided.add("the stack's account is unknown, so principal AWS " + id + " cannot be placed");
                        } else {
                            c.accounts.add(account.get());
                        }
                        break;
                    }
                    case "Federated":
                        c.others.add("federated identities of " + id);
                        break;
                    case "CanonicalUser":
                        c.others.add("canonical user " + id);
                        break;
                    default:
                        break;
                }
            }
        }
        return c;
    }

    /** The account of an AWS principal id: the id itself, an IAM/STS ARN's account, or {@code *}. */
    static Optional<String> account(String id) {
        if (ACCOUNT.matcher(id).matches()) {
            return Optional.of(id);
        }
        Matcher m = ARN.matcher(id);
        if (m.matches()) {
            String acct = m.group(1);
            if (ACCOUNT.matcher(acct).matches()) {
                return Optional.of(acct);
            }
            if (acct.contains("*") || acct.contains("?")) {
                return Optional.of("*");
            }
        }
        return Optional.empty();
    }

    private enum Kind { NOBODY, ACCOUNTS, ORGS, NETWORK, OWN_RESOURCE, IPS, AWS_SERVICE }

    /** A limit on the callers a statement admits. */
    private static final class Restriction {
        final Kind kind;
        final List<String> values;

        Restriction(Kind kind, List<String> values) {
            this.kind = kind;
            this.values = values;
        }
    }

    private static boolean fixed(String v) {
        return !v.contains("*") && !v.contains("?") && !v.contains("${");
    }

    /** The base of an operator with its set prefix kept apart; null for IfExists and ForAllValues (no restriction). */
    private static String positiveBase(String operator) {
        String op = operator;
        if (op.startsWith("ForAllValues:")) {
            return null;
        }
        if (op.startsWith("ForAnyValue:")) {
            op = op.substring("ForAnyValue:".length());
        }
        if (op.endsWith("IfExists")) {
            return null;
        }
        return op;
    }

    /** The restriction a condition of an Allow statement puts on the caller, if it restricts. */
    private static Optional<Restriction> restriction(Condition c, List<String> undecided) {
        String key = c.getKey().toLowerCase(Locale.ROOT);
        boolean relevant = ACCOUNT_KEYS.contains(key) || ARN_KEYS.contains(key) || ORG_KEYS.contains(key)
                || NETWORK_KEYS.contains(key) || key.equals(IP_KEY) || key.equals(SERVICE_KEY);
        if (!relevant) {
            return Optional.empty();
        }
        if (c.getValues().stream().anyMatch(OPAQUE::contains)) {
            undecided.add("condition " + c.getOperator() + " " + c.getKey() + " is " + c.getValues());
            return Optional.empty();
        }
        String op = positiveBase(c.getOperator());
        if (op == null) {
            return Optional.empty();
        }
        return restrictionOf(key, op, c.getValues());
    }

    private static Optional<Restriction> restrictionOf(String key, String op, List<String> values) {
        boolean stringPositive = op.equals("StringEquals") || op.equals("StringLike") || op.equals("StringEqualsIgnoreCase");
        boolean arnPositive = op.equals("ArnEquals") || op.equals("ArnLike") || stringPositive;
        if (ACCOUNT_KEYS.contains(key) && stringPositive && values.stream().allMatch(ExternalAccess::fixed)) {
            return Optional.of(new Restriction(Kind.ACCOUNTS, values));
        }
        if (ARN_KEYS.contains(key) && arnPositive) {
            List<String> accounts = new ArrayList<>();
            for (String v : values) {
                Matcher m = ARN.matcher(v);
                if (!m.matches()) {
                    return Optional.empty();
                }
                String acct = m.group(1);
                if (acct.isEmpty()) {
                    if (!fixed(v)) {
                        return Optional.empty();
                    }
                    continue;
                }
                if (!fixed(acct)) {
                    return Optional.empty();
                }
                accounts.add(acct);
            }
            return Optional.of(accounts.isEmpty() ? new Restriction(Kind.OWN_RESOURCE, values)
                    : new Restriction(Kind.ACCOUNTS, accounts));
        }
        if (ORG_KEYS.contains(key) && stringPositive) {
            List<String> orgs = new ArrayList<>();
            for (String v : values) {
                String org = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
                if (!fixed(org) || org.isEmpty()) {
                    return Optional.empty();
                }
                orgs.add(org);
            }
            return Optional.of(new Restriction(Kind.ORGS, orgs));
        }
        if (NETWORK_KEYS.contains(key) && stringPositive && values.stream().allMatch(ExternalAccess::fixed)) {
            return Optional.of(new Restriction(Kind.NETWORK, values));
        }
        if (key.equals(SERVICE_KEY) && op.equals("Bool") && values.equals(List.of("true"))) {
            return Optional.of(new Restriction(Kind.AWS_SERVICE, values));
        }
        if (key.equals(IP_KEY) && op.equals("IpAddress")
                && values.stream().noneMatch(v -> v.equals("0.0.0.0/0") || v.equals("::/0"))) {
            return Optional.of(new Restriction(Kind.IPS, values));
        }
        return Optional.empty();
    }

    /** A Deny statement that limits who the Allow statements it covers admit. */
    private static final class Guard {
        final Statement deny;
        final Restriction restriction;

        Guard(Statement deny, Restriction restriction) {
            this.deny = deny;
            this.restriction = restriction;
        }

        boolean covers(Statement allow) {
            if (!allow.getNotActions().isEmpty()) {
                return deny.getNotActions().isEmpty() && deny.getActions().contains("*");
            }
            for (String a : allow.getActions()) {
                boolean covered = deny.getNotActions().isEmpty()
                        ? deny.getActions().stream().anyMatch(d -> IamWildcardPatterns.matchesIgnoringCase(d, a))
                        : deny.getNotActions().stream().noneMatch(n -> IamWildcardPatterns.matchesIgnoringCase(n, a)
                                || IamWildcardPatterns.matchesIgnoringCase(a, n));
                if (!covered) {
                    return false;
                }
            }
            if (!deny.getNotResources().isEmpty()) {
                return false;
            }
            List<String> dr = deny.getResources();
            return dr.isEmpty() || dr.contains("*") || allow.getResources().stream()
                    .allMatch(r -> dr.stream().anyMatch(d -> IamWildcardPatterns.matchesIgnoringCase(d, r)));
        }
    }

    /** The guard a Deny statement puts on everyone, if it is one. */
    private static Optional<Guard> guard(Statement deny) {
        if (deny.getNotPrincipal().isPresent()) {
            if (!deny.getConditions().isEmpty()) {
                return Optional.empty();
            }
            List<String> accounts = new ArrayList<>();
            for (String id : deny.getNotPrincipal().get().getIdentifiers().getOrDefault("AWS", List.of())) {
                Optional<String> a = account(id);
                if (a.isEmpty() || a.get().equals("*")) {
                    return Optional.empty();
                }
                accounts.add(a.get());
            }
            return accounts.isEmpty() ? Optional.empty() : Optional.of(new Guard(deny, new Restriction(Kind.ACCOUNTS, accounts)));
        }
        boolean everyone = deny.getPrincipal().map(p -> p.isAnyone()
                || p.getIdentifiers().getOrDefault("AWS", List.of()).contains("*")).orElse(false);
        if (!everyone) {
            return Optional.empty();
        }
        if (deny.getConditions().isEmpty()) {
            return Optional.of(new Guard(deny, new Restriction(Kind.NOBODY, List.of())));
        }
        if (deny.getConditions().size() != 1) {
            return Optional.empty();
        }
        Condition c = deny.getConditions().get(0);
        if (c.getOperator().startsWith("ForAllValues:") || c.getOperator().startsWith("ForAnyValue:")) {
            return Optional.empty();
        }
        String op = c.getOperator().endsWith("IfExists")
                ? c.getOperator().substring(0, c.getOperator().length() - "IfExists".length()) : c.getOperator();
        String positive;
        switch (op) {
            case "StringNotEquals":
                positive = "StringEquals";
                break;
            case "StringNotLike":
                positive = "StringLike";
                break;
            case "StringNotEqualsIgnoreCase":
                positive = "StringEqualsIgnoreCase";
                break;
            case "ArnNotEquals":
                positive = "ArnEquals";
                break;
            case "ArnNotLike":
                positive = "ArnLike";
                break;
            case "NotIpAddress":
                positive = "IpAddress";
                break;
            default:
                return Optional.empty();
        }
        if (c.getValues().stream().anyMatch(OPAQUE::contains)) {
            return Optional.empty();
        }
        return restrictionOf(c.getKey().toLowerCase(Locale.ROOT), positive, c.getValues()).map(r -> new Guard(deny, r));
    }
}
