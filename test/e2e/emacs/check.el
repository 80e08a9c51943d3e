;;; check.el --- drive whosaid-ls through Emacs eglot in batch mode  -*- lexical-binding: t -*-
;;
;; Debian bookworm's Emacs 28 with elpa-eglot 1.9.  In batch mode `eglot-ensure' never fires
;; (it waits for a command loop), so each buffer connects through eglot's own contact guess,
;; exactly what M-x eglot does.  Flymake must receive the diagnostics; one code action's edit is
;; applied through eglot.  Writes what it saw as JSON.
;;
;; Run: emacs --batch -l check.el  with WHOSAID_E2E_CONFIG pointing at
;; {server, files: [{path, languageId}], action: {file, rule, titlePrefix}, out, timeoutMs}.

(require 'cl-lib)
(require 'json)
(require 'subr-x)
;; Debian's site-start puts elpa packages on the load-path; be explicit in case it did not run.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'flymake)

(defvar whosaid-cfg
  (let ((json-object-type 'alist) (json-array-type 'list) (json-key-type 'symbol))
    (json-read-file (getenv "WHOSAID_E2E_CONFIG"))))
(defun whosaid-cfg (key) (alist-get key whosaid-cfg))
(defvar whosaid-result (list (cons 'files nil)))
(defun whosaid-put (key value) (setf (alist-get key whosaid-result) value))

(defun whosaid-finish (code)
  (with-temp-file (whosaid-cfg 'out)
    (insert (json-encode whosaid-result)))
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs code))

(defun whosaid-wait (pred)
  "Wait for PRED, at most the configured timeout, serving the server's messages meanwhile."
  (let ((deadline (+ (float-time) (/ (whosaid-cfg 'timeoutMs) 1000.0))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

;; A Markdown mode for .md files (Emacs 28 has none built in): eglot takes the language id
;; from the mode, as it would from markdown-mode.el.
(unless (fboundp 'markdown-mode)
  (define-derived-mode markdown-mode text-mode "Markdown"))
(add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))

(setq eglot-server-programs
      `(((markdown-mode :language-id "markdown") . ("node" ,(whosaid-cfg 'server) "--stdio"))
        ((text-mode :language-id "plaintext") . ("node" ,(whosaid-cfg 'server) "--stdio")))
      eglot-sync-connect t
      eglot-connect-timeout (/ (whosaid-cfg 'timeoutMs) 1000)
      eglot-autoshutdown nil
      eglot-events-buffer-size 0)

(defvar whosaid-publishes 0 "How many textDocument/publishDiagnostics eglot has handled.")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest _)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq whosaid-publishes (1+ whosaid-publishes)))))

(defun whosaid-lsp-diag (d)
  (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))

(defun whosaid-describe (d)
  (let* ((lsp (whosaid-lsp-diag d))
         (beg (flymake-diagnostic-beg d))
         (end (flymake-diagnostic-end d)))
    (list (cons 'code (plist-get lsp :code))
          (cons 'type (symbol-name (flymake-diagnostic-type d)))
          (cons 'text (flymake-diagnostic-text d))
          (cons 'line (line-number-at-pos beg))
          (cons 'snippet (buffer-substring-no-properties beg end)))))

(defun whosaid-diagnostics ()
  (sort (mapcar #'whosaid-describe (flymake-diagnostics))
        (lambda (a b) (< (alist-get 'line a) (alist-get 'line b)))))

(defun whosaid-connect (path)
  (let ((buf (find-file-noselect path)))
    (with-current-buffer buf
      (apply #'eglot (eglot--guess-contact))
      (unless (eglot-managed-p)
        (error "eglot did not manage %s" path))
      ;; eglot enables flymake in managed buffers; start it now (no command loop to do it).
      (flymake-mode 1)
      (flymake-start))
    buf))

(defun whosaid-main ()
  (let ((buffers nil))
    (dolist (file (whosaid-cfg 'files))
      (push (cons (alist-get 'path file) (whosaid-connect (alist-get 'path file))) buffers))
    (dolist (entry (reverse buffers))
      (with-current-buffer (cdr entry)
        (let ((got (whosaid-wait (lambda () (flymake-diagnostics)))))
          (push (cons (intern (car entry))
                      (list (cons 'waited (if got t :json-false))
                            (cons 'languageId (eglot--language-id (eglot-current-server)))
                            (cons 'diagnostics (or (whosaid-diagnostics) []))))
                (alist-get 'files whosaid-result)))))
    (let* ((action (whosaid-cfg 'action))
           (buf (cdr (assoc (alist-get 'file action) buffers)))
           (rule (alist-get 'rule action))
           (prefix (alist-get 'titlePrefix action)))
      (when action
        (with-current-buffer buf
          (let* ((before 0)
                 (target (cl-find-if (lambda (d) (equal (plist-get (whosaid-lsp-diag d) :code) rule))
                                     (flymake-diagnostics)))
                 (_ (unless target (error "no %s diagnostic in flymake" rule)))
                 (line (line-number-at-pos (flymake-diagnostic-beg target)))
                 (actions (eglot-code-actions (flymake-diagnostic-beg target) (flymake-diagnostic-end target)))
                 (chosen (cl-find-if (lambda (a) (and (string-prefix-p prefix (plist-get a :title))
                                                      (plist-get a :edit)))
                                     actions)))
            (whosaid-put 'actionTitles (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
            (unless chosen (error "no code action titled \"%s...\" with an edit" prefix))
            (whosaid-put 'applied (plist-get chosen :title))
            (whosaid-put 'textBefore (buffer-substring-no-properties (point-min) (point-max)))
            (setq before whosaid-publishes)
            (eglot--apply-workspace-edit (plist-get chosen :edit))
            (whosaid-put 'textAfter (buffer-substring-no-properties (point-min) (point-max)))
            ;; eglot sends didChange from an idle timer, and batch Emacs is never idle: send it now.
            (eglot--signal-textDocument/didChange)
            ;; Wait for a publish after the edit (flymake drops a finding whose text was deleted
            ;; by itself, so the finding vanishing alone proves nothing) that lacks the finding.
            (let ((gone (whosaid-wait
                         (lambda ()
                           (and (> whosaid-publishes before)
                           (not (cl-some (lambda (d) (and (equal (plist-get (whosaid-lsp-diag d) :code) rule)
                                                          (= (line-number-at-pos (flymake-diagnostic-beg d)) line)))
                                         (flymake-diagnostics))))))))
              (whosaid-put 'publishesAfterEdit (- whosaid-publishes before))
              (whosaid-put 'rechecked (if gone t :json-false))
              (whosaid-put 'diagnosticsAfter (or (whosaid-diagnostics) [])))))))))

(condition-case err
    (progn (whosaid-main) (whosaid-finish 0))
  (error
   (whosaid-put 'error (error-message-string err))
   (whosaid-finish 1)))

;;; check.el ends here
