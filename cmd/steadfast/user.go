package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// runUser dispatches `steadfast user add|disable|list`.
func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	sub := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"add": runUserAdd, "disable": runUserDisable, "list": runUserList,
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stderr, "Usage: steadfast user add --email E --role R --name N | user disable EMAIL | user list")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return errUsage
	}
	return sub[args[0]](ctx, args[1:], stdout, stderr)
}

// recordCLI writes an audit event for a change made from the command line,
// signed with the installation's key in --data, and returns once it is
// durable. The actor is empty: the command line has no signed-in user.
//
// It refuses, before anything is changed, when --data holds no signing key:
// a command pointed at the wrong directory must not start a second key.
func (d *dbFlags) recordCLI(ctx context.Context, db *store.DB, e audit.Event) error {
	if _, err := audit.LoadKey(audit.KeyPath(d.data)); err != nil {
		return fmt.Errorf("no audit signing key in %s: use the same --data as the service (%w)", d.data, err)
	}
	log, err := audit.Open(ctx, db, audit.Options{DataDir: d.data})
	if err != nil {
		return fmt.Errorf("open the audit trail in %s (use the same --data as the service): %w", d.data, err)
	}
	e.ActorRole = "command line"
	e.ClientAddr = "local"
	rerr := log.RecordNow(ctx, e)
	return errors.Join(rerr, log.Close(ctx))
}

// openOrganisation opens the database and picks the organisation to act in.
func (d *dbFlags) openOrganisation(ctx context.Context, orgID string) (*store.DB, access.Organisation, error) {
	db, err := d.openQuietly(ctx)
	if err != nil {
		return nil, access.Organisation{}, err
	}
	org, err := soleOrganisation(ctx, db, orgID)
	if err != nil {
		db.Close()
		return nil, access.Organisation{}, err
	}
	return db, org, nil
}

// soleOrganisation picks the organisation to act in: the one named, or the
// only one there is.
func soleOrganisation(ctx context.Context, db *store.DB, named string) (access.Organisation, error) {
	if named != "" {
		return db.Organisation(ctx, named)
	}
	orgs, err := db.ListOrganisations(ctx)
	if err != nil {
		return access.Organisation{}, err
	}
	switch len(orgs) {
	case 0:
		return access.Organisation{}, errors.New("there is no organisation yet: run `steadfast serve` and open the setup link first")
	case 1:
		return orgs[0], nil
	}
	return access.Organisation{}, fmt.Errorf("there are %d organisations: name one with --org", len(orgs))
}

func runUserAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("user add", "Add a staff account and print a one-time link with which the person sets their password.", stderr)
	var d dbFlags
	d.register(fs, "./steadfast-data")
	email := fs.String("email", "", "the person's email address (required)")
	name := fs.String("name", "", "the person's full name (required)")
	roleText := fs.String("role", "", "admin, supervisor, practitioner or cofacilitator (required)")
	orgID := fs.String("org", "", "organisation ID, needed only when there is more than one")
	baseURL := fs.String("base-url", "http://127.0.0.1:8080", "the address people use to reach Steadfast, for the printed link")
	if err := parseWithEnv(fs, args, stdout); err != nil {
		return err
	}
	var problems []string
	if p := access.NameProblem(*name, "a name with --name"); p != "" {
		problems = append(problems, p)
	}
	if p := access.EmailProblem(*email); p != "" {
		problems = append(problems, p+" (--email)")
	}
	role, err := access.ParseStaffRole(*roleText)
	if err != nil {
		problems = append(problems, "--role must be admin, supervisor, practitioner or cofacilitator; parents are invited from their family's record")
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	db, org, err := d.openOrganisation(ctx, *orgID)
	if err != nil {
		return err
	}
	defer db.Close()
	newID := ids.New()
	if err := d.recordCLI(ctx, db, audit.Event{OrgID: org.ID, Action: audit.Create, ResourceType: string(access.KindUser),
		ResourceID: newID, Reason: "requested with steadfast user add: " + string(role)}); err != nil {
		return err
	}
	u, err := db.CreateUser(ctx, store.NewUser{ID: newID, OrgID: org.ID, Email: *email, Name: *name, Role: role})
	if errors.Is(err, store.ErrAlreadyExists) {
		return fmt.Errorf("someone already has an account with %s", access.NormaliseEmail(*email))
	}
	if err != nil {
		return err
	}
	token, expires, err := db.CreatePasswordLink(ctx, org.ID, u.ID, "")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "Added %s (%s) to %s as %s.\nGive them this link to choose a password. It works once, until %s UTC:\n\n  %s/set-password/%s\n",
		u.Name, u.Email, org.Name, role.Label(), expires.Format("2 January 2006 15:04"), strings.TrimSuffix(*baseURL, "/"), token)
	return err
}

func runUserDisable(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("user disable", "Stop a person signing in and end all their sessions at once. Usage: steadfast user disable [flags] EMAIL", stderr)
	var d dbFlags
	d.register(fs, "./steadfast-data")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "Usage: steadfast user disable [flags] EMAIL")
		return errUsage
	}
	email := fs.Arg(0)
	if err := parseWithEnv(fs, nil, stdout); err != nil {
		return err
	}
	db, err := d.openQuietly(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no account has the email %s", access.NormaliseEmail(email))
	}
	if err != nil {
		return err
	}
	if err := d.recordCLI(ctx, db, audit.Event{OrgID: u.OrgID, Action: audit.Update, ResourceType: string(access.KindUser),
		ResourceID: u.ID, Reason: "requested with steadfast user disable"}); err != nil {
		return err
	}
	if err := db.DisableUser(ctx, u.OrgID, u.ID); err != nil {
		if errors.Is(err, store.ErrLastAdmin) {
			return errors.New("this is the organisation's last active administrator; make someone else an administrator first")
		}
		return err
	}
	_, err = fmt.Fprintf(stdout, "Disabled %s (%s). Every session they had has ended.\n", u.Name, u.Email)
	return err
}

func runUserList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("user list", "List the accounts of the organisation.", stderr)
	var d dbFlags
	d.register(fs, "./steadfast-data")
	orgID := fs.String("org", "", "organisation ID, needed only when there is more than one")
	if err := parseWithEnv(fs, args, stdout); err != nil {
		return err
	}
	db, org, err := d.openOrganisation(ctx, *orgID)
	if err != nil {
		return err
	}
	defer db.Close()
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n\nNAME\tEMAIL\tROLE\tSTATUS\n", org.Name)
	const pageSize = 500
	for offset := 0; ; offset += pageSize {
		page, err := db.ListUsers(ctx, org.ID, pageSize, offset)
		if err != nil {
			return err
		}
		for _, u := range page.Users {
			status := "active"
			switch {
			case !u.Active():
				status = "disabled"
			case u.PasswordHash == "":
				status = "invited"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Name, u.Email, u.Role.Label(), status)
		}
		if offset+pageSize >= page.Total {
			break
		}
	}
	return tw.Flush()
}
